/**
 * The Scene Bible on the client: the `worldloom-bible/1` document (docs/stories.md, "The Scene Bible"), its latest
 * state, and the entity and rule forms of the bible editor with the same checks the server makes (EntityChecks,
 * EntityAttributes, RuleIds), so most mistakes show next to their field before anything is sent. The server stays the
 * judge: its problems (rule syntax, contradictions between rules and entities) are mapped back onto the same fields.
 */
import { BIOME_NAMES } from '../lib/biomes';

export interface Garment {
  colour: string;
  item: string;
}

export interface BibleEntity {
  id: string;
  name: string;
  aliases?: string[];
  attributes?: Record<string, string>;
  clothing?: Garment[];
  items?: string[];
  landmarks?: string[];
  palette?: string[];
  temperament?: string[];
}

export interface BibleRule {
  id: string;
  text: string;
}

export type BibleEdit =
  | { kind: 'put_entity'; entity: BibleEntity }
  | { kind: 'remove_entity'; id: string }
  | { kind: 'put_rule'; rule: BibleRule }
  | { kind: 'remove_rule'; id: string };

export interface BibleChange {
  version: number;
  fromSegment: number;
  edit: BibleEdit;
}

export interface BibleDocument {
  format: string;
  entities?: BibleEntity[];
  rules?: BibleRule[];
  changes?: BibleChange[];
}

/** The bible after every correction: what the next segment is held to (and what the editor edits). */
export interface BibleState {
  entities: BibleEntity[];
  rules: BibleRule[];
  version: number;
}

/**
 * The latest state: the first version with every correction applied in version order, whatever segment it starts
 * from (the editor edits what comes next). Put replaces by id in place or appends; remove drops.
 */
export function latestState(doc: BibleDocument): BibleState {
  const entities = [...(doc.entities ?? [])];
  const rules = [...(doc.rules ?? [])];
  const changes = [...(doc.changes ?? [])].sort((a, b) => a.version - b.version);
  for (const { edit } of changes) {
    switch (edit.kind) {
      case 'put_entity':
        putById(entities, edit.entity);
        break;
      case 'remove_entity':
        removeById(entities, edit.id);
        break;
      case 'put_rule':
        putById(rules, edit.rule);
        break;
      case 'remove_rule':
        removeById(rules, edit.id);
        break;
    }
  }
  return { entities, rules, version: changes.length === 0 ? 0 : changes[changes.length - 1].version };
}

function putById<T extends { id: string }>(list: T[], item: T) {
  const i = list.findIndex((x) => x.id === item.id);
  if (i === -1) list.push(item);
  else list[i] = item;
}

function removeById<T extends { id: string }>(list: T[], id: string) {
  const i = list.findIndex((x) => x.id === id);
  if (i !== -1) list.splice(i, 1);
}

// ---- vocabulary (StoryColours, EntityAttributes, EntityIds) -----------------------------------------------------

export type EntityKind = 'character' | 'location' | 'prop' | 'creature';

export const KIND_PREFIX: Record<EntityKind, string> = { character: 'char_', location: 'loc_', prop: 'prop_', creature: 'beast_' };
export const KINDS: readonly EntityKind[] = ['character', 'location', 'prop', 'creature'];

export const STORY_COLOURS = [
  'amber', 'auburn', 'black', 'blonde', 'blue', 'bronze', 'brown', 'copper', 'crimson', 'cream', 'gold', 'green', 'grey',
  'indigo', 'ivory', 'navy', 'ochre', 'olive', 'orange', 'pink', 'purple', 'red', 'russet', 'scarlet', 'silver', 'tan',
  'teal', 'violet', 'white', 'yellow',
] as const;

type ValueKind = { kind: 'choice'; choices: readonly string[] } | { kind: 'colour' } | { kind: 'biome' } | { kind: 'words' };

export interface AttributeSpec {
  name: string;
  kinds: readonly EntityKind[];
  values: ValueKind;
}

const PEOPLE: EntityKind[] = ['character'];
const LIVING: EntityKind[] = ['character', 'creature'];

export const ATTRIBUTES: readonly AttributeSpec[] = [
  { name: 'age', kinds: PEOPLE, values: { kind: 'choice', choices: ['adult', 'child', 'old', 'young'] } },
  { name: 'biome', kinds: ['location'], values: { kind: 'biome' } },
  { name: 'build', kinds: LIVING, values: { kind: 'choice', choices: ['broad', 'heavy', 'lean', 'slight', 'slim', 'stocky', 'sturdy', 'tall'] } },
  { name: 'colour', kinds: ['prop', 'creature'], values: { kind: 'colour' } },
  { name: 'eyes', kinds: LIVING, values: { kind: 'colour' } },
  { name: 'family', kinds: ['creature'], values: { kind: 'words' } },
  { name: 'hair', kinds: PEOPLE, values: { kind: 'colour' } },
  { name: 'material', kinds: ['prop'], values: { kind: 'words' } },
  { name: 'pronouns', kinds: LIVING, values: { kind: 'choice', choices: ['he', 'it', 'she', 'they'] } },
  { name: 'role', kinds: PEOPLE, values: { kind: 'words' } },
  { name: 'size', kinds: ['prop', 'creature'], values: { kind: 'choice', choices: ['huge', 'large', 'medium', 'small', 'tiny'] } },
  { name: 'skin', kinds: PEOPLE, values: { kind: 'colour' } },
  { name: 'species', kinds: LIVING, values: { kind: 'words' } },
  { name: 'voice', kinds: LIVING, values: { kind: 'choice', choices: ['bright', 'formal', 'gruff', 'hoarse', 'low', 'measured', 'quick', 'sharp', 'soft', 'warm'] } },
];

/** The choices of an attribute's select, or null where the value is free words. */
export function attributeChoices(spec: AttributeSpec): readonly string[] | null {
  switch (spec.values.kind) {
    case 'choice':
      return spec.values.choices;
    case 'colour':
      return STORY_COLOURS;
    case 'biome':
      return BIOME_NAMES;
    default:
      return null;
  }
}

export const MAX_ID_LENGTH = 48;
export const MAX_NAME_LENGTH = 80;
export const MAX_LIST_LENGTH = 8;
export const MAX_WORDS_LENGTH = 40;
export const MAX_RULE_ID_LENGTH = 40;
export const MAX_RULE_LENGTH = 200;

/** The kind an entity id names, or null when it is no well-formed id. */
export function kindOf(id: string): EntityKind | null {
  if (id.length > MAX_ID_LENGTH) return null;
  for (const kind of KINDS) {
    const prefix = KIND_PREFIX[kind];
    if (id.startsWith(prefix) && /^[a-z0-9_]+$/.test(id.slice(prefix.length))) return kind;
  }
  return null;
}

/** An id of `kind` from a display name ("Mira Vell" → char_mira_vell), as EntityIds.FromName makes it. */
export function idFromName(kind: EntityKind, name: string): string {
  const stem = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return (KIND_PREFIX[kind] + (stem || 'new')).slice(0, MAX_ID_LENGTH);
}

/** Which list fields a kind may have (EntityChecks): the others must stay empty. */
export function listFieldsOf(kind: EntityKind): ListField[] {
  switch (kind) {
    case 'character':
      return ['aliases', 'temperament', 'items'];
    case 'creature':
      return ['aliases', 'temperament'];
    case 'location':
      return ['aliases', 'landmarks', 'palette'];
    default:
      return ['aliases'];
  }
}

export type ListField = 'aliases' | 'temperament' | 'items' | 'landmarks' | 'palette';

// ---- the entity form ----------------------------------------------------------------------------------------------

/** The entity form's state: plain strings as the inputs hold them. Lists are comma-separated; clothing "red cloak, grey boots". */
export interface EntityDraft {
  id: string;
  name: string;
  attributes: Record<string, string>;
  aliases: string;
  temperament: string;
  items: string;
  landmarks: string;
  palette: string;
  clothing: string;
}

/** Field name → messages; names are the form's (`name`, `attributes.hair`, `clothing`, ...). */
export type FormErrors = Record<string, string[]>;

export function emptyDraft(kind: EntityKind): EntityDraft {
  return { id: KIND_PREFIX[kind], name: '', attributes: {}, aliases: '', temperament: '', items: '', landmarks: '', palette: '', clothing: '' };
}

export function draftFromEntity(e: BibleEntity): EntityDraft {
  return {
    id: e.id,
    name: e.name,
    attributes: { ...(e.attributes ?? {}) },
    aliases: (e.aliases ?? []).join(', '),
    temperament: (e.temperament ?? []).join(', '),
    items: (e.items ?? []).join(', '),
    landmarks: (e.landmarks ?? []).join(', '),
    palette: (e.palette ?? []).join(', '),
    clothing: (e.clothing ?? []).map((g) => `${g.colour} ${g.item}`).join(', '),
  };
}

const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim().replace(/\s+/g, ' '))
    .filter((x) => x.length > 0);

/** "red cloak" → {colour: red, item: cloak}: the first word is the colour, the rest the garment. */
export function parseGarment(text: string): Garment {
  const words = text.trim().split(/\s+/);
  return { colour: (words[0] ?? '').toLowerCase(), item: words.slice(1).join(' ') };
}

/** The entity a draft describes, leaving out empty lists and unset attributes (the canonical form does too). */
export function entityFromDraft(d: EntityDraft): BibleEntity {
  const e: BibleEntity = { id: d.id.trim(), name: d.name.trim() };
  const attributes = Object.fromEntries(Object.entries(d.attributes).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v.length > 0));
  if (Object.keys(attributes).length > 0) e.attributes = attributes;
  for (const field of ['aliases', 'temperament', 'items', 'landmarks', 'palette'] as const) {
    const list = splitList(d[field]);
    if (list.length > 0) e[field] = list;
  }
  const clothing = splitList(d.clothing).map(parseGarment);
  if (clothing.length > 0) e.clothing = clothing;
  return e;
}

/** Why a free-words value is not plain lower-case words (EntityAttributes.CheckWords), or null. */
export function checkWords(value: string): string | null {
  if (value.length === 0 || value.length > MAX_WORDS_LENGTH) return `must be 1 to ${MAX_WORDS_LENGTH} characters; got ${value.length}.`;
  if (!/^[a-z '_-]+$/.test(value)) return `"${value}" may hold only lower-case letters, spaces, hyphens, underscores and apostrophes.`;
  return null;
}

const isColour = (c: string) => (STORY_COLOURS as readonly string[]).includes(c);

/** The last word of a garment, as the server's SameNoun compares them ("red cloak" and "long cloak" are one garment). */
const noun = (item: string) => item.trim().split(/\s+/).pop()?.replace(/(es|s)$/, '') ?? '';

/** The problems of an entity, keyed by form field: the checks EntityChecks makes on the server. */
export function validateEntity(e: BibleEntity, existingIds: readonly string[] = []): FormErrors {
  const errors: FormErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const kind = kindOf(e.id);
  if (!kind) {
    add('id', `"${e.id}" is not an entity id: char_, loc_, prop_ or beast_ then lower-case letters, digits and underscores (at most ${MAX_ID_LENGTH} characters).`);
    return errors;
  }
  if (existingIds.includes(e.id)) add('id', `"${e.id}" is taken by another entity.`);
  if (e.name.trim().length === 0 || e.name.length > MAX_NAME_LENGTH) add('name', `must be 1 to ${MAX_NAME_LENGTH} characters, not blank.`);
  for (const [name, value] of Object.entries(e.attributes ?? {})) {
    const spec = ATTRIBUTES.find((a) => a.name === name);
    if (!spec) add(`attributes.${name}`, `unknown attribute "${name}".`);
    else if (!spec.kinds.includes(kind)) add(`attributes.${name}`, `a ${kind} has no ${name}.`);
    else {
      const choices = attributeChoices(spec);
      const problem = choices ? (choices.includes(value) ? null : `"${value}" is no ${spec.values.kind === 'colour' ? 'colour' : name}; expected one of ${choices.join(', ')}.`) : checkWords(value);
      if (problem) add(`attributes.${name}`, problem);
    }
  }
  const allowed = listFieldsOf(kind);
  const lists: Record<ListField, string[] | undefined> = { aliases: e.aliases, temperament: e.temperament, items: e.items, landmarks: e.landmarks, palette: e.palette };
  for (const field of Object.keys(lists) as ListField[]) {
    const list = lists[field] ?? [];
    if (list.length === 0) continue;
    if (!allowed.includes(field)) {
      add(field, `a ${kind} has no ${field}; leave it empty.`);
      continue;
    }
    if (list.length > MAX_LIST_LENGTH) add(field, `at most ${MAX_LIST_LENGTH} entries; got ${list.length}.`);
    for (const v of list) {
      const problem =
        field === 'aliases'
          ? v.length > MAX_NAME_LENGTH
            ? `"${v}" is longer than ${MAX_NAME_LENGTH} characters.`
            : null
          : field === 'palette'
            ? isColour(v)
              ? null
              : `"${v}" is no colour; expected one of ${STORY_COLOURS.join(', ')}.`
            : checkWords(v);
      if (problem) add(field, problem);
    }
  }
  const clothing = e.clothing ?? [];
  if (clothing.length > 0) {
    if (kind !== 'character') add('clothing', `only characters wear clothes; leave it empty.`);
    else {
      if (clothing.length > MAX_LIST_LENGTH) add('clothing', `at most ${MAX_LIST_LENGTH} garments; got ${clothing.length}.`);
      clothing.forEach((g, i) => {
        if (!isColour(g.colour)) add('clothing', `"${g.colour}" is no colour: write the colour first, as in "red cloak".`);
        const wordProblem = checkWords(g.item);
        if (wordProblem) add('clothing', `garment ${i + 1}: ${g.item ? wordProblem : 'name the garment after its colour, as in "red cloak".'}`);
        const j = clothing.findIndex((h) => noun(h.item) === noun(g.item));
        if (g.item && j < i) add('clothing', `"${g.item}" is already worn (${clothing[j].colour} ${clothing[j].item}); one colour per garment.`);
      });
    }
  }
  return errors;
}

/** The problems of a rule, keyed `id` and `text`. The rule language itself is the server's to parse. */
export function validateRule(rule: BibleRule, existingIds: readonly string[] = []): FormErrors {
  const errors: FormErrors = {};
  if (!/^[a-z][a-z0-9_]*$/.test(rule.id) || rule.id.length > MAX_RULE_ID_LENGTH)
    errors.id = [`"${rule.id}" is no rule id: a lower-case letter, then letters, digits or underscores (at most ${MAX_RULE_ID_LENGTH}).`];
  else if (existingIds.includes(rule.id)) errors.id = [`"${rule.id}" is taken by another rule.`];
  const text = rule.text.trim();
  if (text.length === 0) errors.text = ['write the rule, such as "char_mira always wears red cloak".'];
  else if (text.length > MAX_RULE_LENGTH) errors.text = [`at most ${MAX_RULE_LENGTH} characters; got ${text.length}.`];
  return errors;
}

/**
 * The server's problems for an edit of entity or rule `id`, moved onto the form's fields. The server names them by
 * the correction's path (`edit.entity.clothing[0].colour`, `edit.rule.text`) or by the state's
 * (`entities.char_mira.attributes.hair`, `rules.cloak`); anything else is returned under `''` for the banner.
 */
export function problemsToFields(errors: Record<string, string[]>, id: string, form: 'entity' | 'rule'): FormErrors {
  const out: FormErrors = {};
  const add = (field: string, messages: string[]) => (out[field] = [...(out[field] ?? []), ...messages]);
  for (const [path, messages] of Object.entries(errors)) {
    const p = path.replace(/^\$\./, '');
    const rest =
      stripPrefix(p, 'edit.entity') ?? stripPrefix(p, 'edit.rule') ?? stripPrefix(p, `entities.${id}`) ?? stripPrefix(p, `rules.${id}`) ?? stripPrefix(p, 'edit');
    if (rest === null) {
      add('', messages);
      continue;
    }
    const field = formField(rest);
    add(FORM_FIELDS[form](field) ? field : '', messages);
  }
  return out;
}

/** The fields each form shows a problem beside; problems of any other field go to the banner. */
const FORM_FIELDS: Record<'entity' | 'rule', (field: string) => boolean> = {
  entity: (f) => ['id', 'name', 'aliases', 'temperament', 'items', 'landmarks', 'palette', 'clothing'].includes(f) || f.startsWith('attributes.'),
  rule: (f) => f === 'id' || f === 'text',
};

function stripPrefix(path: string, prefix: string): string | null {
  if (path === prefix) return '';
  return path.startsWith(prefix + '.') ? path.slice(prefix.length + 1) : null;
}

/** `clothing[1].colour` → `clothing`; `attributes.hair` stays; a bare rule path is its text. */
function formField(rest: string): string {
  if (rest === '') return 'text';
  if (rest.startsWith('attributes.')) return rest.split(/[.[]/).slice(0, 2).join('.');
  return rest.split(/[.[]/)[0];
}
