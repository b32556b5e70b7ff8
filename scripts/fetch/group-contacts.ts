import type { Gitlab } from '@gitbeaker/rest';
import { parse } from 'yaml';
import type { ContactsFile } from '../../src/config';
import { CONTACT_NAME_MAX_LENGTH, CONTACTS_PER_ROLE_MAX, type SnapshotGroupContacts } from '../../src/lib/snapshot';
import { fitsIn } from '../../src/lib/text/characters';
import { stripInvisibleControls } from '../../src/lib/text/invisible';
import { looseKey } from '../../src/lib/view/url-state';

// GitLab's handbook data (gitlab-com/www-gitlab-com, data/stages.yml) names each group's managers:
//   stages: { <stage>: { groups: { <key>: { name, label?, pm, em | backend_engineering_manager,
//   frontend_engineering_manager, …many more } } } }
// A person is a string or a list of them; "TBD" names nobody. Nothing else of the file is read.

/** A group's contacts, before it is known which groups the items have. */
export type Contacts = Omit<SnapshotGroupContacts, 'group'>;

/** Each group's contacts by the loose keys it goes by (see looseKey): its key, its name and its label's value. */
export type ContactsByGroup = ReadonlyMap<string, Contacts>;

// The fields that name engineering managers: one for the whole group, or one for the backend and one for the frontend.
const MANAGER_FIELDS = ['em', 'backend_engineering_manager', 'frontend_engineering_manager'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The names a field gives, as published, each once: invisible controls stripped, blanks and TBDs left out. */
function namesIn(...values: unknown[]): string[] {
  const names = values
    .flatMap((value) => (Array.isArray(value) ? value : [value]))
    .filter((name): name is string => typeof name === 'string')
    .map((name) => stripInvisibleControls(name).replace(/\s+/g, ' ').trim())
    .filter((name) => name !== '' && !/^tbd\b/i.test(name) && fitsIn(name, CONTACT_NAME_MAX_LENGTH));
  return [...new Set(names)].slice(0, CONTACTS_PER_ROLE_MAX);
}

/** The names a group goes by: its key (source_code), its name (Source Code) and its label's value ("group::x"). */
function namesOfGroup(key: string, group: Record<string, unknown>): string[] {
  const label = typeof group.label === 'string' ? group.label.replace(/^group::?/i, '') : null;
  return [key, group.name, label].filter((name): name is string => typeof name === 'string' && name.trim() !== '');
}

/**
 * Reads the stages file. Throws an Error with a one-line reason when it is not YAML or has no `stages:` mapping; a
 * group it cannot read is skipped. The YAML reader refuses more than 100 aliases, so a small crafted file cannot
 * expand into a huge one.
 */
export function parseStagesFile(text: string): ContactsByGroup {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100, prettyErrors: false, uniqueKeys: false });
  } catch (error) {
    throw new Error(`not YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isRecord(data) || !isRecord(data.stages)) throw new Error('it has no stages: mapping');
  const contacts = new Map<string, Contacts>();
  for (const stage of Object.values(data.stages)) {
    if (!isRecord(stage) || !isRecord(stage.groups)) continue;
    for (const [key, group] of Object.entries(stage.groups)) {
      if (!isRecord(group)) continue;
      const productManagers = namesIn(group.pm);
      const engineeringManagers = namesIn(...MANAGER_FIELDS.map((field) => group[field]));
      if (productManagers.length === 0 && engineeringManagers.length === 0) continue;
      // The first group to go by a name keeps it.
      for (const name of namesOfGroup(key, group)) {
        const loose = looseKey(name);
        if (!contacts.has(loose)) contacts.set(loose, { productManagers, engineeringManagers });
      }
    }
  }
  return contacts;
}

/** The contacts of the given groups (the items' group:: values) that the file names, one entry a group, by group. */
export function contactsOfGroups(groups: Iterable<string | null>, contacts: ContactsByGroup): SnapshotGroupContacts[] {
  const found: SnapshotGroupContacts[] = [];
  for (const group of new Set(groups)) {
    const entry = group === null ? undefined : contacts.get(looseKey(group));
    if (group !== null && entry) found.push({ group, ...entry });
  }
  return found.sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/**
 * Reads the contacts file through the instance's raw-file API (GET /projects/:id/repository/files/:path/raw), with
 * the fetch's requester: bounded, retried, never redirected off the instance. Throws on any failure; the caller
 * decides that it only costs the cards their contacts.
 */
export async function fetchGroupContacts(api: InstanceType<typeof Gitlab>, file: ContactsFile): Promise<ContactsByGroup> {
  // HEAD: the project's default branch, what GitLab reads when no ref is given (gitbeaker's types require one).
  const body: unknown = await api.RepositoryFiles.showRaw(file.project, file.file, 'HEAD');
  if (typeof body !== 'string') throw new Error(`${file.project}:${file.file} did not come as text`);
  try {
    return parseStagesFile(body);
  } catch (error) {
    throw new Error(`${file.project}:${file.file} cannot be read: ${(error as Error).message}`);
  }
}
