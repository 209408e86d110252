import { describe, expect, it } from 'vitest';
import {
  draftFromEntity,
  emptyDraft,
  entityFromDraft,
  idFromName,
  kindOf,
  latestState,
  parseGarment,
  problemsToFields,
  validateEntity,
  validateRule,
  type BibleDocument,
  type BibleEntity,
} from './bible';

const mira: BibleEntity = {
  id: 'char_mira',
  name: 'Mira Vell',
  aliases: ['Mira'],
  attributes: { hair: 'black', pronouns: 'she', voice: 'gruff' },
  clothing: [{ colour: 'red', item: 'cloak' }],
  items: ['silver locket'],
  temperament: ['brave', 'curious'],
};
const tower: BibleEntity = { id: 'loc_tower', name: 'The Old Tower', attributes: { biome: 'grassland' }, landmarks: ['broken bell tower'], palette: ['grey', 'green'] };

describe('latest bible state', () => {
  it('applies corrections in version order, whatever order they are listed in', () => {
    const doc: BibleDocument = {
      format: 'worldloom-bible/1',
      entities: [mira, tower],
      rules: [{ id: 'cloak', text: 'char_mira always wears red cloak' }],
      changes: [
        { version: 3, fromSegment: 5, edit: { kind: 'remove_rule', id: 'cloak' } },
        { version: 1, fromSegment: 4, edit: { kind: 'put_entity', entity: { ...mira, name: 'Mira of the Tower' } } },
        { version: 2, fromSegment: 4, edit: { kind: 'put_entity', entity: { id: 'char_tomas', name: 'Tomas Brand' } } },
        { version: 4, fromSegment: 6, edit: { kind: 'remove_entity', id: 'loc_tower' } },
        { version: 5, fromSegment: 6, edit: { kind: 'put_rule', rule: { id: 'bows', text: 'no bows' } } },
      ],
    };
    const s = latestState(doc);
    expect(s.version).toBe(5);
    expect(s.entities.map((e) => `${e.id}:${e.name}`)).toEqual(['char_mira:Mira of the Tower', 'char_tomas:Tomas Brand']);
    expect(s.rules).toEqual([{ id: 'bows', text: 'no bows' }]);
    // The document itself is not changed.
    expect(doc.entities).toHaveLength(2);
  });

  it('is version 0 with no corrections and tolerates missing lists (the canonical form leaves them out)', () => {
    expect(latestState({ format: 'worldloom-bible/1' })).toEqual({ entities: [], rules: [], version: 0 });
  });
});

describe('entity form', () => {
  it('round-trips an entity through the draft the form edits', () => {
    expect(entityFromDraft(draftFromEntity(mira))).toEqual(mira);
    expect(entityFromDraft(draftFromEntity(tower))).toEqual(tower);
  });

  it('reads lists and garments as written, dropping blanks and unset attributes', () => {
    const d = { ...emptyDraft('character'), id: 'char_ana', name: ' Ana ', attributes: { hair: 'auburn', eyes: '' }, items: 'rope,  , oak   staff', clothing: 'Red cloak, grey long boots' };
    expect(entityFromDraft(d)).toEqual({
      id: 'char_ana',
      name: 'Ana',
      attributes: { hair: 'auburn' },
      items: ['rope', 'oak staff'],
      clothing: [
        { colour: 'red', item: 'cloak' },
        { colour: 'grey', item: 'long boots' },
      ],
    });
    expect(parseGarment('navy')).toEqual({ colour: 'navy', item: '' });
  });

  it('accepts well-formed entities of every kind', () => {
    expect(validateEntity(mira)).toEqual({});
    expect(validateEntity(tower)).toEqual({});
    expect(validateEntity({ id: 'prop_key', name: 'Key', attributes: { colour: 'gold', material: 'brass', size: 'tiny' } })).toEqual({});
    expect(validateEntity({ id: 'beast_wolf', name: 'Wolf', attributes: { family: 'canine', size: 'large' }, temperament: ['hungry'] })).toEqual({});
  });

  it('puts each problem on its field, as the server would', () => {
    const errors = validateEntity({
      id: 'char_mira',
      name: ' ',
      attributes: { hair: 'green-ish', biome: 'taiga', voice: 'loud', role: 'Captain' },
      clothing: [
        { colour: 'red', item: 'cloak' },
        { colour: 'blue', item: 'long cloak' },
        { colour: 'plaid', item: 'scarf' },
      ],
      landmarks: ['tower'],
      items: Array.from({ length: 9 }, (_, i) => `thing ${'abcdefghi'[i]}`),
    });
    expect(Object.keys(errors).sort()).toEqual(['attributes.biome', 'attributes.hair', 'attributes.role', 'attributes.voice', 'clothing', 'items', 'landmarks', 'name']);
    expect(errors['attributes.hair'][0]).toMatch(/no colour/);
    expect(errors['attributes.biome'][0]).toMatch(/a character has no biome/);
    expect(errors['attributes.role'][0]).toMatch(/lower-case/);
    expect(errors.clothing.join(' ')).toMatch(/already worn/);
    expect(errors.clothing.join(' ')).toMatch(/"plaid" is no colour/);
    expect(errors.items[0]).toMatch(/at most 8/);
  });

  it('refuses bad ids, taken ids and lists a kind cannot have', () => {
    expect(validateEntity({ id: 'mira', name: 'Mira' }).id[0]).toMatch(/not an entity id/);
    expect(validateEntity({ id: 'char_Mira', name: 'Mira' }).id).toHaveLength(1);
    expect(validateEntity({ id: `char_${'x'.repeat(44)}`, name: 'Long' }).id).toHaveLength(1);
    expect(validateEntity(mira, ['char_mira']).id[0]).toMatch(/taken/);
    expect(validateEntity({ id: 'loc_x', name: 'X', clothing: [{ colour: 'red', item: 'cloak' }], palette: ['mauve'] })).toMatchObject({
      clothing: [expect.stringMatching(/only characters/)],
      palette: [expect.stringMatching(/no colour/)],
    });
  });

  it('makes ids from names the way the server does', () => {
    expect(idFromName('character', 'Mira Vell')).toBe('char_mira_vell');
    expect(idFromName('location', 'The Old Tower!')).toBe('loc_the_old_tower');
    expect(idFromName('creature', '???')).toBe('beast_new');
    expect(kindOf(idFromName('prop', 'x'.repeat(100)))).toBe('prop');
  });
});

describe('rule form', () => {
  it('checks the id and length; the language is the server’s', () => {
    expect(validateRule({ id: 'cloak', text: 'char_mira always wears red cloak' })).toEqual({});
    expect(validateRule({ id: '1st', text: 'no guns' }).id).toHaveLength(1);
    expect(validateRule({ id: 'cloak', text: 'x' }, ['cloak']).id[0]).toMatch(/taken/);
    expect(validateRule({ id: 'r', text: '  ' }).text).toHaveLength(1);
    expect(validateRule({ id: 'r', text: 'no '.repeat(70) }).text[0]).toMatch(/at most 200/);
  });
});

describe('server problems on the form', () => {
  it('maps correction paths and state paths onto form fields, and the rest to the banner', () => {
    const fields = problemsToFields(
      {
        'edit.entity.name': ['blank'],
        'entities.char_mira.clothing[0].colour': ['contradicts rule cloak'],
        'entities.char_mira.attributes.hair': ['rule hair says black'],
        'edit.rule.text': ['line 1, column 23: expected a colour'],
        'rules.char_mira': ['odd but ours'],
        'rules.geo_1': ['contradicts another rule'],
        fromSegment: ['must be 1 to 9999'],
      },
      'char_mira',
      'entity',
    );
    expect(fields).toEqual({
      name: ['blank'],
      clothing: ['contradicts rule cloak'],
      'attributes.hair': ['rule hair says black'],
      '': ['line 1, column 23: expected a colour', 'odd but ours', 'contradicts another rule', 'must be 1 to 9999'],
    });
    const ruleFields = problemsToFields({ 'edit.rule.text': ['line 1, column 23: expected a colour'], 'edit.kind': ['unknown edit'], 'rules.cloak': ['contradicts char_mira'] }, 'cloak', 'rule');
    expect(ruleFields).toEqual({ text: ['line 1, column 23: expected a colour', 'contradicts char_mira'], '': ['unknown edit'] });
  });
});
