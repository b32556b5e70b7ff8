import { describe, expect, it } from 'vitest';
import { contactsOfGroups, parseStagesFile } from '../../../scripts/fetch/group-contacts';
import { CONTACTS_PER_ROLE_MAX } from '../../../src/lib/snapshot';
import { STAGES_FILE_TEXT } from '../../../tools/gitlab-stand-in/files';
import { STAGES } from '../../../tools/gitlab-stand-in/taxonomy';

/** A stages file with one stage of the given groups. */
const stagesFile = (groups: string) => `stages:\n  verify:\n    display_name: Verify\n    pm: Stage Lead\n    groups:\n${groups}`;

describe('parseStagesFile', () => {
  const contacts = parseStagesFile(STAGES_FILE_TEXT);
  const of = (group: string) => contactsOfGroups([group], contacts)[0];

  it('names the managers of every group the stand-in’s issues carry', () => {
    const groups = STAGES.flatMap((stage) => stage.groups.map((group) => group.name));
    expect(contactsOfGroups(groups, contacts).map((entry) => entry.group)).toEqual([...groups].sort());
  });

  it('reads the product manager and the engineering managers as published, each once', () => {
    expect(of('source code')).toEqual({ group: 'source code', productManagers: ['Elena Larsen'], engineeringManagers: ['Tomás Haddad'] });
    expect(of('code review')!.engineeringManagers).toEqual(['Ravi Petrov', 'Nils Lindqvist']);
    expect(of('duo chat')!.productManagers).toEqual(['Hana Mwangi', 'Omar Reyes']);
    expect(of('environments')!.productManagers).toEqual(['Tomás Fischer (Acting)']);
    expect(of('editor extensions')!.productManagers).toEqual(['山田 花子']);
  });

  it('finds a group by its key, its name or its label, however a label spells it', () => {
    // The file keys it `import`, names it "Import and Integrate", labels it group::import and integrate.
    expect(of('import and integrate')!.engineeringManagers).toEqual(['Noor Nakamura']);
    expect(contactsOfGroups(['Import'], contacts)).toHaveLength(1);
    expect(contactsOfGroups(['Source_Code'], contacts)[0]!.group).toBe('Source_Code');
  });

  it('leaves out TBD, blanks, non-text, invisible controls and names past the cap, and a group that names nobody', () => {
    const file = parseStagesFile(
      stagesFile(`      runner:
        name: Runner
        pm: TBD
        em: ["  Ana\u200B  Costa ", 42, "", "${'x'.repeat(101)}", "Ana Costa"]
      nobody:
        pm: TBD (hiring)
        backend_engineering_manager: null
`),
    );
    expect(contactsOfGroups(['runner', 'nobody'], file)).toEqual([{ group: 'runner', productManagers: [], engineeringManagers: ['Ana Costa'] }]);
  });

  it(`keeps at most ${CONTACTS_PER_ROLE_MAX} names per role`, () => {
    const many = Array.from({ length: 9 }, (_, n) => `"Person ${n}"`).join(', ');
    const file = parseStagesFile(stagesFile(`      runner:\n        pm: [${many}]\n`));
    expect(contactsOfGroups(['runner'], file)[0]!.productManagers).toHaveLength(CONTACTS_PER_ROLE_MAX);
  });

  it('gives the first group to go by a name that name', () => {
    const file = parseStagesFile(stagesFile(`      runner:\n        pm: First\n      runner_two:\n        name: Runner\n        pm: Second\n`));
    expect(contactsOfGroups(['runner'], file)[0]!.productManagers).toEqual(['First']);
  });

  it('refuses in one line what is not a stages file', () => {
    expect(() => parseStagesFile('stages: [unclosed')).toThrow(/^not YAML \(/);
    expect(() => parseStagesFile('{"message": "404 File Not Found"}')).toThrow('it has no stages: mapping');
    expect(() => parseStagesFile('')).toThrow('it has no stages: mapping');
  });

  it('refuses a file whose aliases would expand it beyond reason', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 8; level += 1) bomb.push(`${'b'.repeat(level)}: &${'b'.repeat(level)} [${Array(10).fill(level === 1 ? '*a' : `*${'b'.repeat(level - 1)}`).join(',')}]`);
    expect(() => parseStagesFile(`${bomb.join('\n')}\nstages: {}`)).toThrow(/^not YAML \(.*alias/i);
  });
});

describe('contactsOfGroups', () => {
  const contacts = parseStagesFile(stagesFile(`      runner:\n        pm: P\n      gitaly:\n        em: E\n`));
  it('lists each known group once, by group, and skips items without a group or with an unknown one', () => {
    expect(contactsOfGroups(['runner', null, 'gitaly', 'runner', 'nowhere'], contacts).map((entry) => entry.group)).toEqual(['gitaly', 'runner']);
  });
  it('is not fooled by a group named like an object property', () => {
    expect(contactsOfGroups(['constructor', '__proto__', 'toString'], contacts)).toEqual([]);
  });
});
