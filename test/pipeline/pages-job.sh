#!/usr/bin/env bash
# Runs the real `pages` job of .gitlab-ci.yml on this machine (gitlab-ci-local, shell executor, no Docker), as the
# nightly schedule would, against the GitLab stand-in (tools/gitlab-stand-in/serve.ts):
#   1. stand-in up:   the job must pass, export dist/ as an artifact, and build it from a snapshot with issues
#                     (`npm run previous` finds no published snapshot or history at the example Pages URL and goes
#                     on: the /health trend starts with one point);
#   2. the next night: night 1's dist/ served as its Pages site, the job must carry it on: the snapshot downloaded,
#                     and the published history.json again with night 1's point and its own;
#   3. GitLab down:   the job must fail at the fetch, write no snapshot and never reach the build.
# The job runs in a throwaway copy of the working tree (uncommitted changes included), so its `npm ci` and build
# never touch this checkout. Needs git and rsync (gitlab-ci-local copies the project with rsync); the job's
# `npm ci` needs the npm registry. Usage: npm run test:pipeline   (KEEP_WORKDIR=1 keeps the copy for a look)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
gcl=$root/node_modules/.bin/gitlab-ci-local

for tool in git rsync node; do
  command -v "$tool" >/dev/null || { echo "test:pipeline: needs $tool on PATH (Debian: apt-get install -y $tool)" >&2; exit 2; }
done
[ -x "$gcl" ] || { echo "test:pipeline: gitlab-ci-local is not installed; run npm ci" >&2; exit 2; }
# Only what this script passes may reach the job (a developer's real token would be refused by the stand-in).
unset GITLAB_TOKEN GITLAB_URL GITLAB_GROUP CURATED_LABELS ISSUES_FILE HISTORY_FILE

work=$(mktemp -d "${TMPDIR:-/tmp}/pages-job.XXXXXX")
server_pid=
pages_pid=
cleanup() {
  # serve.ts runs as one node process (node --import tsx, no tsx wrapper), so its pid is the one to signal.
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ -n "$pages_pid" ]; then kill "$pages_pid" 2>/dev/null || true; wait "$pages_pid" 2>/dev/null || true; fi
  if [ "${KEEP_WORKDIR:-}" = 1 ]; then echo "test:pipeline: kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The copy: a clone of the repository, then the working tree's tracked and new (not ignored) files over it.
repo=$work/repo
git clone --quiet --no-hardlinks "$root" "$repo"
git ls-files -z --cached --others --exclude-standard \
  | rsync -a --from0 --files-from=- --ignore-missing-args "$root/" "$repo/"
git ls-files -z --deleted | (cd "$repo" && xargs -0 -r rm -f --)
# gitlab-ci-local hands jobs only files git knows, as a push would; staging (in the copy only) makes new files count.
git -C "$repo" add -A
# Vite 8's tsconfig lookup (Astro 7 turns on resolve.tsconfigPaths) reads this copy's tsconfig.json too, from inside
# .gitlab-ci-local/builds/pages: its `extends: astro/tsconfigs/strict` must resolve here as well. node_modules/ is
# ignored, so the job never receives it.
mkdir -p "$repo/node_modules" && ln -s "$root/node_modules/astro" "$repo/node_modules/astro"
# A GitLab-like remote, for the CI_PROJECT_* variables gitlab-ci-local derives from it (nothing is contacted).
git -C "$repo" remote set-url origin https://gitlab.example/co-create/co-create-issues.git

# The URL a server started in the background prints once it listens (LOG, the line's start, its PID, its name for
# the error): waits up to 20 s, and stops the job with the server's log when it does not come or the server dies.
listening_url() {
  local log=$1 says=$2 pid=$3 name=$4 found=
  for _ in $(seq 1 100); do
    found=$(sed -n "s/^$says \\(http[^ ]*\\).*/\\1/p" "$log")
    [ -n "$found" ] && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  [ -n "$found" ] || { echo "test:pipeline: $name did not start:" >&2; cat "$log" >&2; exit 1; }
  echo "$found"
}

# The stand-in on a free port; it prints its URL once it listens.
node --import tsx tools/gitlab-stand-in/serve.ts --count 300 --port 0 >"$work/stand-in.log" 2>&1 &
server_pid=$!
url=$(listening_url "$work/stand-in.log" 'GitLab stand-in listening on' "$server_pid" 'the GitLab stand-in')

# Runs the pages job as a scheduled pipeline would; prints its output and keeps it (colours stripped) in $1. $3 is
# the site's Pages URL, an example address that never resolves unless given.
run_pages_job() {
  local log=$1 gitlab_url=$2 pages_url=${3:-https://co-create.gitlab.example/co-create-issues} rc
  set +e
  (cd "$repo" && "$gcl" pages --force-shell-executor --shell-isolation --no-color \
    --ignore-predefined-vars CI_PIPELINE_SOURCE,CI_PAGES_URL \
    --variable CI_PIPELINE_SOURCE=schedule \
    --variable CI_PAGES_URL="$pages_url" \
    --variable GITLAB_URL="$gitlab_url") 2>&1 \
    | sed -u 's/\x1b\[[0-9;]*m//g' | tee "$log"
  rc=${PIPESTATUS[0]}
  set -e
  return "$rc"
}

# With --shell-isolation the job runs in .gitlab-ci-local/builds/pages and its artifacts are exported apart.
build=$repo/.gitlab-ci-local/builds/pages
artifact=$repo/.gitlab-ci-local/artifacts/pages/dist/index.html
snapshot=$build/src/data/issues.json
# The number of points of a published history, and the time of its first and last: "2 2027-01-01T… 2027-01-02T…".
points() {
  node -e 'const h = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(h.points.length, h.points[0].at, h.points.at(-1).at)' "$1"
}

echo "=== pages job, GitLab stand-in at $url"
if ! run_pages_job "$work/pass.log" "$url"; then
  echo "pages job: FAILED against the running stand-in (output above)" >&2
  exit 1
fi
[ -f "$artifact" ] || { echo "pages job: FAILED, no dist/index.html among the job's artifacts" >&2; exit 1; }
[ -f "$repo/dist/index.html" ] || { echo "pages job: FAILED, dist/index.html was not built" >&2; exit 1; }
# The example Pages URL never resolves: like a first deploy, the job must go on without a previous snapshot.
grep -q 'no previous snapshot: .*nothing will be marked new' "$work/pass.log" \
  || { echo "pages job: FAILED, npm run previous did not say why there was no previous snapshot" >&2; exit 1; }
count=$(node -e 'console.log(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).issues.length)' "$snapshot")
[ "$count" -gt 0 ] || { echo "pages job: FAILED, the fetched snapshot holds no issues" >&2; exit 1; }
grep -q 'no previous history: .*the /health trend starts anew' "$work/pass.log" \
  || { echo "pages job: FAILED, npm run previous did not say why there was no previous history" >&2; exit 1; }
read -r night1_points night1_first night1_last < <(points "$(dirname "$artifact")/history.json")
[ "$night1_points" = 1 ] || { echo "pages job: FAILED, the first night published $night1_points points of history, not 1" >&2; exit 1; }

# The next night starts from night 1's site, served as GitLab Pages serves it under the project's path.
pages_root=$work/pages
mkdir -p "$pages_root"
cp -r "$(dirname "$artifact")" "$pages_root/co-create-issues"
node --import tsx test/pipeline/serve-pages.ts "$pages_root" >"$work/pages.log" 2>&1 &
pages_pid=$!
pages_url=$(listening_url "$work/pages.log" 'pages listening on' "$pages_pid" 'the Pages server')
echo
echo "=== pages job, the next night, night 1's site at $pages_url/co-create-issues"
if ! run_pages_job "$work/night2.log" "$url" "$pages_url/co-create-issues"; then
  echo "pages job: FAILED on the second night (output above)" >&2
  exit 1
fi
grep -q "previous: wrote src/data/issues.json from $pages_url/co-create-issues/issues.json" "$work/night2.log" \
  || { echo "pages job: FAILED, the second night did not download night 1's snapshot" >&2; exit 1; }
grep -q "previous: wrote src/data/history.json from $pages_url/co-create-issues/history.json (1 snapshot" "$work/night2.log" \
  || { echo "pages job: FAILED, the second night did not download night 1's history" >&2; exit 1; }
read -r night2_points night2_first night2_last < <(points "$(dirname "$artifact")/history.json")
if [ "$night2_points" != 2 ] || [ "$night2_first" != "$night1_last" ] || [ "$night2_last" = "$night1_last" ]; then
  echo "pages job: FAILED, the second night published $night2_points points ($night2_first to $night2_last), not night 1's ($night1_last) and its own" >&2
  exit 1
fi

# A port nobody listens on: the fetch's retries give up (about half a minute), the job must fail.
closed=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
echo
echo "=== pages job, GitLab unreachable at http://127.0.0.1:$closed (must fail)"
if run_pages_job "$work/fail.log" "http://127.0.0.1:$closed"; then
  echo "pages job: FAILED, the job passed although GitLab was unreachable" >&2
  exit 1
fi
grep -q '^pages *\$ npm run fetch' "$work/fail.log" || { echo "pages job: FAILED, it failed before the fetch" >&2; exit 1; }
if grep -q '^pages *\$ npm run build' "$work/fail.log"; then
  echo "pages job: FAILED, the build ran after a failed fetch" >&2
  exit 1
fi
# Each run starts from a fresh copy of the project, as a CI job does: a failed fetch must have written nothing.
[ ! -e "$snapshot" ] || { echo "pages job: FAILED, the failed fetch wrote a snapshot" >&2; exit 1; }

echo
echo "unreachable GitLab: pages job failed at the fetch as expected (nothing written, no build, nothing deployed)"
echo "pages job: OK, dist/index.html built from $count issues; the next night carried the /health history on ($night2_first, $night2_last)"
