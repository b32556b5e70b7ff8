import { carryDeparted } from '../../src/lib/departed';
import { compareItems } from '../../src/lib/items';
import { SNAPSHOT_SCHEMA_VERSION, snapshotSchema, type Snapshot, type SnapshotDeparted } from '../../src/lib/snapshot';
import { describeZodError } from '../../src/lib/parse-json';
import { type PreviousSnapshot } from '../../src/lib/previous-snapshot-schema';
import { carryFirstSeen, type FetchedIssue } from './first-seen';
import { contactsOfGroups, type ContactsByGroup } from './group-contacts';

/** What a snapshot is made of. */
export interface SnapshotParts {
  /** The instance, group and curated labels the items come from. */
  source: Snapshot['source'];
  /** When the run happened: SOURCE_DATE_EPOCH or now for the fetch, a fixed time for generated data. */
  generatedAt: string;
  /** The snapshot the site published last, if there is one: its firstSeenAt values and departures carry forward. */
  previous: PreviousSnapshot | undefined;
  /** The items found, normalised (collect.ts), in any order. */
  items: readonly FetchedIssue[];
  /** Each group's contacts as the contacts file names them (group-contacts.ts); empty when it was not read. */
  contacts: ContactsByGroup;
  /** The items that left the list since the previous snapshot, and why (departed.ts). */
  departed: readonly SnapshotDeparted[];
}

/** Whether the previous snapshot lists the same instance and group: one of another says nothing about these items. */
export function isSameSource(previous: PreviousSnapshot | undefined, source: Pick<Snapshot['source'], 'url' | 'group'>): previous is PreviousSnapshot {
  return previous?.source.url === source.url && previous.source.group === source.group;
}

/**
 * The snapshot made of what a run found: the items in the order the file lists them (by kind, then id), each with
 * its firstSeenAt carried forward from the previous snapshot when that one lists the same instance and group (one of
 * another says nothing about these items), tonight's departures with the previous ones still in their 30 days
 * (carryDeparted), checked against the snapshot schema. Pure: no I/O, no clock, inputs
 * untouched. The fetch CLI and the generated snapshots (sample, bench, browser tests) all go through it.
 */
export function assembleSnapshot(parts: SnapshotParts): Snapshot {
  const { source, generatedAt, previous, items, contacts, departed } = parts;
  const carried = isSameSource(previous, source) ? previous : undefined;
  const snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    generatedAt,
    source,
    groupContacts: contactsOfGroups(items.map((item) => item.group), contacts),
    ...carryFirstSeen([...items].sort(compareItems), carried, generatedAt),
    departed: carryDeparted(
      departed,
      carried?.departed ?? [],
      new Set(items.map((item) => item.reference)),
      generatedAt,
      source.url,
    ),
  };
  const checked = snapshotSchema.safeParse(snapshot);
  if (!checked.success) throw new Error(`the snapshot would be invalid: ${describeZodError(checked.error)}`);
  return checked.data;
}
