// Runs the GitLab stand-in by hand or from CI tooling until SIGINT/SIGTERM:
//   npm run stand-in -- --count 500 --seed 1 --port 8080 [--epics 20] [--base-path /gitlab] [--latency 150]
//     [--rate-limit 2000] [--token secret ...]
import { parseArgs } from 'node:util';
import { generateEpics } from './epics';
import { generateIssues } from './generator';
import { normalizeBasePath, startGitLab } from './server';

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`--${name} must be a whole number, got ${value}`);
  return parsed;
}

const { values } = parseArgs({
  options: {
    count: { type: 'string' },
    // Epics of the group; without them the epics endpoint answers 404, as on GitLab Free.
    epics: { type: 'string' },
    seed: { type: 'string' },
    port: { type: 'string' },
    'base-path': { type: 'string' },
    latency: { type: 'string' },
    'rate-limit': { type: 'string' },
    // Known tokens (they see confidential issues); without one, any token sent is refused with 401.
    token: { type: 'string', multiple: true },
  },
  strict: true,
});

const port = number('port', values.port, 8080);
const basePath = normalizeBasePath(values['base-path'] ?? '');
const rateLimit = number('rate-limit', values['rate-limit'], 0);
const seed = number('seed', values.seed, 1);
// With a fixed port, web_url points at this instance as a real one's would.
const baseUrl = port > 0 ? { baseUrl: `http://127.0.0.1:${port}${basePath}` } : {};
const issues = generateIssues({ count: number('count', values.count, 500), seed, ...baseUrl });
const epicCount = number('epics', values.epics, 0);
const standIn = await startGitLab({
  issues,
  ...(epicCount > 0 ? { epics: generateEpics({ count: epicCount, seed, ...baseUrl }) } : {}),
  port,
  basePath,
  latencyMs: number('latency', values.latency, 0),
  tokens: Object.fromEntries((values.token ?? []).map((token) => [token, { confidential: true }])),
  ...(rateLimit > 0 ? { rateLimit: { perMinute: rateLimit } } : {}),
});
console.log(`GitLab stand-in listening on ${standIn.url}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void standIn.close().then(() => process.exit(0));
  });
}
