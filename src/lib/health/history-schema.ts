import { z } from 'zod';
import { LABEL_NAME_MAX_LENGTH } from '../snapshot';
import { describeZodError, parseJson } from '../parse-json';
import { fitsIn } from '../text/characters';
import { HISTORY_MAX_POINTS, HISTORY_SCHEMA_VERSION, TREND_KINDS, type HealthHistory } from './history';

// The check of a history read from the published site (by `npm run previous`) or from HISTORY_FILE (by the build):
// untrusted text, so everything it may hold is bounded. Build time only: zod stays out of the browser (layout test).

/**
 * The most bytes a history file may have. 400 points of 1,000 groups of 5-digit counts stay under 7 MiB; the real
 * file is about 0.3 MB (README, "History").
 */
export const HISTORY_MAX_BYTES = 16 * 1024 * 1024;
/** Curated labels a history may name: the configured ones, and those configured earlier. */
export const HISTORY_MAX_LABELS = 100;
/** Groups, and stages, a history may name: gitlab-org has about 80 groups. */
export const HISTORY_MAX_GROUPS = 1000;
/** Counts a tuple may have: those of HISTORY_COUNTS, and a few more a later build may keep. */
const MAX_COUNTS = 24;

const name = z
  .string()
  .min(1)
  .refine((value) => fitsIn(value, LABEL_NAME_MAX_LENGTH), `must be at most ${LABEL_NAME_MAX_LENGTH} characters`);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const unique = <T>(values: readonly T[]) => new Set(values).size === values.length;

const tuple = z.array(count).max(MAX_COUNTS);
const tuples = (max: number) => z.array(tuple).max(max);

const historySchema = z
  .object({
    schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
    source: z.object({ url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }), group: z.string().min(1) }),
    counts: z
      .array(z.string().regex(/^[a-z][a-zA-Z-]{0,39}$/, 'must be a count name'))
      .max(MAX_COUNTS)
      .refine(unique, 'must name each count once')
      // Those of the first format: a file written before a count was added to HISTORY_COUNTS lacks only that one.
      .refine((names) => names.includes('total') && names.includes('healthy'), 'must name total and healthy'),
    labels: z.array(name).max(HISTORY_MAX_LABELS).refine(unique, 'must name each label once'),
    groups: z.array(name.nullable()).max(HISTORY_MAX_GROUPS).refine(unique, 'must name each group once'),
    // Files written before stages and the whole list's tally were kept have neither: those points read as zeros.
    stages: z.array(name.nullable()).max(HISTORY_MAX_GROUPS).refine(unique, 'must name each stage once').default([]),
    points: z
      .array(
        z.object({
          at: z.iso.datetime({ offset: true }),
          total: tuple.default([]),
          labels: tuples(HISTORY_MAX_LABELS),
          groups: tuples(HISTORY_MAX_GROUPS),
          stages: tuples(HISTORY_MAX_GROUPS).default([]),
        }),
      )
      .max(HISTORY_MAX_POINTS),
  })
  .superRefine((history, context) => {
    const total = history.counts.indexOf('total');
    let previous = -Infinity;
    for (const [n, point] of history.points.entries()) {
      const at = Date.parse(point.at);
      if (at <= previous) {
        context.addIssue({ code: 'custom', path: ['points', n, 'at'], message: 'must be later than the point before' });
        return;
      }
      previous = at;
      // A tuple may leave out trailing zeros; no count exceeds the total (a tuple without one has only zeros).
      const wrongTuple = (each: readonly number[]) => each.length > history.counts.length || each.some((value) => value > (each[total] ?? 0));
      if (wrongTuple(point.total)) {
        context.addIssue({ code: 'custom', path: ['points', n, 'total'], message: `must have at most ${history.counts.length} counts, none above total` });
        return;
      }
      for (const kind of TREND_KINDS) {
        if (point[kind].length !== history[kind].length) {
          context.addIssue({ code: 'custom', path: ['points', n, kind], message: `must have one tuple for each of the ${history[kind].length} ${kind}` });
          return;
        }
        const wrong = point[kind].findIndex(wrongTuple);
        if (wrong >= 0) {
          const message = `must have at most ${history.counts.length} counts, none above total`;
          context.addIssue({ code: 'custom', path: ['points', n, kind, wrong], message });
          return;
        }
      }
    }
  });

/** Reads history JSON text, throwing an Error with a one-line reason when it is not a history this site can carry. */
export function parseHistory(text: string): HealthHistory {
  let data = parseJson(text);
  // The first files named their format `version`; format 1 is the same either way.
  if (data !== null && typeof data === 'object' && !('schemaVersion' in data) && 'version' in data) {
    const { version, ...rest } = data as Record<string, unknown>;
    data = { schemaVersion: version, ...rest };
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== HISTORY_SCHEMA_VERSION) {
    throw new Error(`history schemaVersion ${version} is not this site's ${HISTORY_SCHEMA_VERSION}`);
  }
  const parsed = historySchema.safeParse(data);
  if (!parsed.success) throw new Error(describeZodError(parsed.error));
  return parsed.data;
}
