import type { Cell, Settlement, WorldOverride } from '../api/forge';

/** Limits from WorldOverrideJson.cs. */
export const MAX_NAME = 100;
export const MAX_KIND = 64;
export const MAX_HOOK = 1000;

export const POI_KINDS = ['ruin', 'dungeon', 'lair', 'shrine', 'cave', 'tower', 'battlefield', 'camp', 'landmark'] as const;

/** An override ready to send, or the field errors that stop it (keyed like the server's problem fields). */
export type Built = { ok: true; override: WorldOverride; message: string } | { ok: false; errors: Record<string, string[]> };

const fail = (field: string, message: string): Built => ({ ok: false, errors: { [field]: [message] } });

function checkText(field: string, value: string, max: number, what: string): string | Built {
  const v = value.trim();
  if (!v) return fail(field, `Enter ${what}.`);
  if (v.length > max) return fail(field, `Use at most ${max} characters.`);
  return v;
}

export function renameSettlement(s: Pick<Settlement, 'id' | 'name'>, name: string): Built {
  const v = checkText('name', name, MAX_NAME, 'a name');
  if (typeof v !== 'string') return v;
  if (v === s.name) return fail('name', 'That is already its name.');
  return { ok: true, override: { kind: 'rename_settlement', settlementId: s.id, name: v }, message: `Renamed ${s.name} to ${v}` };
}

export function moveSettlement(s: Pick<Settlement, 'id' | 'name' | 'location'>, to: Cell, land: boolean): Built {
  if (!land) return fail('to', 'Settlements stand on land; pick a land cell.');
  if (to.x === s.location.x && to.y === s.location.y) return fail('to', 'That is where it already stands.');
  return {
    ok: true,
    override: { kind: 'move_settlement', settlementId: s.id, to: { x: to.x, y: to.y } },
    message: `Moved ${s.name} to ${to.x}, ${to.y}`,
  };
}

export function deleteSettlement(s: Pick<Settlement, 'id' | 'name'>): Built {
  return { ok: true, override: { kind: 'delete_settlement', settlementId: s.id }, message: `Deleted ${s.name}` };
}

export function addPoi(input: { poiKind: string; name: string; location: Cell; hookText: string }): Built {
  const kind = checkText('poiKind', input.poiKind, MAX_KIND, 'a kind');
  if (typeof kind !== 'string') return kind;
  const name = checkText('name', input.name, MAX_NAME, 'a name');
  if (typeof name !== 'string') return name;
  const hook = input.hookText.trim();
  if (hook.length > MAX_HOOK) return fail('hookText', `Use at most ${MAX_HOOK} characters.`);
  const override: WorldOverride = { kind: 'add_poi', poiKind: kind, name, location: { x: input.location.x, y: input.location.y } };
  if (hook) override.hookText = hook;
  return { ok: true, override, message: `Added ${kind} “${name}” at ${input.location.x}, ${input.location.y}` };
}
