import { z } from 'zod';
import { APPLY_PLACEHOLDERS, applyUrl, unknownPlaceholders } from './lib/links/apply-link';
import type { LanguageMap } from './lib/languages';
import { labelSlug } from './lib/links/site-paths';

/**
 * Which languages an issue needs, for the Language filter: by project (the last segment of its path), by label, and
 * by label in one project. Edit it here; the build applies it to every issue (see src/lib/languages.ts).
 */
export const LANGUAGE_MAP: LanguageMap = {
  projects: {
    'gitlab-runner': ['go'],
    gitaly: ['go'],
    cli: ['go'],
    'gitlab-agent': ['go'],
    'gitlab-pages': ['go'],
    'container-registry': ['go'],
    'gitlab-ui': ['javascript'],
  },
  labels: { frontend: ['javascript'], documentation: ['docs'] },
  labelsInProject: { 'gitlab-org/gitlab': { backend: ['ruby'] } },
};

/** Settings shared by the fetch (scripts/) and the site build (src/); the token is deliberately not one of them. */
export interface Config {
  /** GitLab instance base URL, without a trailing slash; may include a sub-path (https://example.com/gitlab). */
  gitlabUrl: string;
  /** Full path or numeric id of the group whose issues (subgroups included) are listed. */
  group: string;
  /** Labels that put an issue on the list; an issue carrying any one of them is listed. */
  curatedLabels: string[];
  /** The work item types listed (GitLab's issue_type): issues, and tasks when asked for. */
  itemTypes: ItemType[];
  /** Where the Co-Create application form lives. */
  applyFormUrl: string;
  /** How "Apply with this issue" names the issue in the form's URL ({formUrl}, {url}, {reference}, {title}), or null. */
  applyUrlTemplate: string | null;
  /** Where the fetch writes the snapshot and the build reads it. */
  issuesFile: string;
  /**
   * The /health trend so far (the published /history.json, which `npm run previous` downloads here): the build adds
   * the snapshot's point to it and publishes the result. Missing or invalid, the trend starts anew.
   */
  historyFile: string;
  /** The file on the instance that names each group's managers (GitLab's stages.yml), or null to name none. */
  groupContacts: ContactsFile | null;
  /** Issues per page of the plain list pages, which work without JavaScript (/all/, /label/). */
  plainPageSize: number;
  siteTitle: string;
  siteDescription: string;
}

/**
 * Work item types a contributor can take: issues, and optionally tasks. Incidents, test cases, requirements and
 * service-desk tickets are never contribution work.
 */
export const ITEM_TYPES = ['issue', 'task'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** A file in a project on the instance, read through the API's raw-file endpoint. */
export interface ContactsFile {
  project: string;
  file: string;
}

/** Thrown for a bad setting; its message is one line that names the setting. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const DEFAULTS = {
  GITLAB_URL: 'https://gitlab.com',
  GITLAB_GROUP: 'gitlab-org',
  CURATED_LABELS: 'co-create,quick win,quick win::first-time contributor',
  ISSUES_FILE: 'src/data/issues.json',
  HISTORY_FILE: 'src/data/history.json',
  ITEM_TYPES: 'issue',
  // GitLab's handbook data: every stage's groups with their product and engineering managers.
  GROUP_CONTACTS: 'gitlab-com/www-gitlab-com:data/stages.yml',
  PLAIN_PAGE_SIZE: '250',
} as const;

/** The plain list pages' page sizes allowed: a page of 1,000 issues is about 1.6 MB of HTML. */
export const PLAIN_PAGE_SIZES = { min: 10, max: 1000 } as const;

const APPLY_FORM_URL = 'https://about.gitlab.com/community/co-create/#form';

// Any issue checks a template: its values are URL-encoded, so only the template's own text decides the scheme.
const EXAMPLE_ISSUE = { url: 'https://gitlab.com/gitlab-org/gitlab/-/issues/1', reference: 'gitlab-org/gitlab#1', title: 'Example' };

function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

const httpUrl = z
  .string()
  .trim()
  .refine((value) => parseHttpUrl(value) !== undefined, 'must be an http(s) URL')
  .refine((value) => !parseHttpUrl(value)?.search && !parseHttpUrl(value)?.hash, 'must not carry a query or fragment')
  // They would be printed in every log line and sent to every address a redirect names; the token has its own setting.
  .refine((value) => !parseHttpUrl(value)?.username && !parseHttpUrl(value)?.password, 'must not contain credentials (put a token in GITLAB_TOKEN)')
  // Trailing slashes would double up when API paths are appended.
  .transform((value) => value.replace(/\/+$/, ''));

/** Why two curated labels cannot both be listed: they would share one page, /label/<slug>/; undefined when none do. */
function sharedPage(labels: readonly string[]): string | undefined {
  const bySlug = new Map<string, string>();
  for (const label of labels) {
    const slug = labelSlug(label);
    const other = bySlug.get(slug);
    // JSON quoting keeps the message on one line whatever the labels hold.
    if (other !== undefined) {
      return `${JSON.stringify(other)} and ${JSON.stringify(label)} would share the page /label/${slug}/`;
    }
    bySlug.set(slug, label);
  }
  return undefined;
}

// A path segment as GitLab allows them in group and project paths.
const SEGMENT = '[A-Za-z0-9_][\\w.-]*';
const PATH = `${SEGMENT}(?:/${SEGMENT})*`;

const envSchema = z.object({
  GITLAB_URL: httpUrl,
  GITLAB_GROUP: z
    .string()
    .trim()
    .regex(new RegExp(`^${PATH}$`), 'must be a group path like gitlab-org or a numeric id'),
  CURATED_LABELS: z
    .string()
    .transform((value) => [...new Set(value.split(',').map((label) => label.trim()).filter(Boolean))])
    .pipe(
      z
        .array(z.string())
        .min(1, 'must name at least one label (comma-separated)')
        .superRefine((labels, context) => {
          const shared = sharedPage(labels);
          if (shared) context.addIssue({ code: 'custom', message: shared });
        }),
    ),
  ISSUES_FILE: z.string().trim().min(1, 'must be a file path'),
  HISTORY_FILE: z.string().trim().min(1, 'must be a file path'),
  // PROJECT:FILE, e.g. gitlab-com/www-gitlab-com:data/stages.yml, or off. No segment starts with a dot, so none is
  // `..`: the file is a path in the project's repository, never a way out of the API path it is put in.
  GROUP_CONTACTS: z
    .string()
    .trim()
    .refine((value) => /^off$/i.test(value) || new RegExp(`^${PATH}:${PATH}$`).test(value), 'must be PROJECT:FILE (like gitlab-com/www-gitlab-com:data/stages.yml) or off')
    .transform((value): ContactsFile | null => {
      if (/^off$/i.test(value)) return null;
      const at = value.indexOf(':');
      return { project: value.slice(0, at), file: value.slice(at + 1) };
    }),
  ITEM_TYPES: z
    .string()
    .transform((value) => [...new Set(value.split(',').map((type) => type.trim().toLowerCase()).filter(Boolean))])
    .pipe(z.array(z.enum(ITEM_TYPES, { message: `must list ${ITEM_TYPES.join(' and/or ')} (comma-separated)` })).min(1)),
  PLAIN_PAGE_SIZE: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, `must be a whole number from ${PLAIN_PAGE_SIZES.min} to ${PLAIN_PAGE_SIZES.max}`)
    .transform(Number)
    .refine((size) => size >= PLAIN_PAGE_SIZES.min && size <= PLAIN_PAGE_SIZES.max, `must be from ${PLAIN_PAGE_SIZES.min} to ${PLAIN_PAGE_SIZES.max}`),
  APPLY_URL_TEMPLATE: z
    .string()
    .trim()
    .refine(
      (value) => unknownPlaceholders(value).length === 0,
      {
        error: (issue) =>
          `unknown placeholder {${unknownPlaceholders(issue.input as string)[0]!.replace(/\s+/g, ' ')}}; use ${APPLY_PLACEHOLDERS.map((name) => `{${name}}`).join(', ')}`,
      },
    )
    .refine((value) => !value || parseHttpUrl(applyUrl(value, APPLY_FORM_URL, EXAMPLE_ISSUE)) !== undefined, 'must expand to an http(s) URL')
    .transform((value) => value || null),
});

/** Empty variables count as unset, as in most CI systems where a blank variable means "use the default". */
function withDefaults(env: NodeJS.ProcessEnv): z.input<typeof envSchema> {
  const pick = (key: keyof typeof DEFAULTS) => (env[key]?.trim() ? env[key]! : DEFAULTS[key]);
  return {
    GITLAB_URL: pick('GITLAB_URL'),
    GITLAB_GROUP: pick('GITLAB_GROUP'),
    CURATED_LABELS: pick('CURATED_LABELS'),
    ISSUES_FILE: pick('ISSUES_FILE'),
    HISTORY_FILE: pick('HISTORY_FILE'),
    ITEM_TYPES: pick('ITEM_TYPES'),
    GROUP_CONTACTS: pick('GROUP_CONTACTS'),
    PLAIN_PAGE_SIZE: pick('PLAIN_PAGE_SIZE'),
    APPLY_URL_TEMPLATE: env.APPLY_URL_TEMPLATE ?? '',
  };
}

/** Reads the configuration from the environment, or throws a ConfigError naming the first bad setting. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(withDefaults(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`invalid setting ${String(issue.path[0])}: ${issue.message}`);
  }
  const { GITLAB_URL, GITLAB_GROUP, CURATED_LABELS, ITEM_TYPES: itemTypes, ISSUES_FILE, HISTORY_FILE, APPLY_URL_TEMPLATE, GROUP_CONTACTS, PLAIN_PAGE_SIZE } =
    parsed.data;
  return {
    gitlabUrl: GITLAB_URL,
    group: GITLAB_GROUP,
    curatedLabels: CURATED_LABELS,
    itemTypes,
    applyFormUrl: APPLY_FORM_URL,
    applyUrlTemplate: APPLY_URL_TEMPLATE,
    issuesFile: ISSUES_FILE,
    historyFile: HISTORY_FILE,
    groupContacts: GROUP_CONTACTS,
    plainPageSize: PLAIN_PAGE_SIZE,
    siteTitle: 'Co-Create issues',
    siteDescription:
      'Open GitLab issues curated for the Co-Create program: search, filter and pick your first contribution to GitLab.',
  };
}

/** The optional GitLab token; kept out of Config so no code path can serialise it into the site. */
export function readGitlabToken(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const token = env.GITLAB_TOKEN?.trim();
  return token ? token : undefined;
}
