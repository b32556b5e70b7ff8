import { readFileSync } from 'node:fs';

/**
 * The repository files the stand-in serves from GET /projects/:id/repository/files/:path/raw, by project path and
 * file path: by default its copy of GitLab's stages file (stages.yml beside this module), from which the fetch
 * reads each group's contacts.
 */
export type RepositoryFiles = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** Where GitLab publishes its stages and groups, as the fetch's GROUP_CONTACTS default names it. */
export const STAGES_FILE = { project: 'gitlab-com/www-gitlab-com', file: 'data/stages.yml' } as const;

/** The stand-in's stages file: every group its issues carry, with made-up managers. */
export const STAGES_FILE_TEXT = readFileSync(new URL('./stages.yml', import.meta.url), 'utf8');

export const DEFAULT_FILES: RepositoryFiles = new Map([[STAGES_FILE.project, new Map([[STAGES_FILE.file, STAGES_FILE_TEXT]])]]);
