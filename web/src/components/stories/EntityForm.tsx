import { useState, type FormEvent } from 'react';
import {
  ATTRIBUTES,
  attributeChoices,
  entityFromDraft,
  idFromName,
  listFieldsOf,
  validateEntity,
  type BibleEntity,
  type EntityDraft,
  type EntityKind,
  type FormErrors,
  type ListField,
} from '../../stories/bible';

const LIST_LABEL: Record<ListField, string> = {
  aliases: 'Other names',
  temperament: 'Temperament',
  items: 'Carries',
  landmarks: 'Landmarks',
  palette: 'Palette (colours)',
};

const LIST_HINT: Record<ListField, string> = {
  aliases: 'Comma-separated, such as "Mira, the captain".',
  temperament: 'Comma-separated words, such as "brave, curious".',
  items: 'Comma-separated, such as "silver locket, oak staff".',
  landmarks: 'Comma-separated, such as "broken bell tower".',
  palette: 'Walls first, then roofs, such as "grey, green".',
};

/**
 * Adds or replaces one entity. Checks what the server checks before sending; the server's own problems (passed in
 * `serverErrors`, keyed by the same field names) show beside the fields too.
 */
export function EntityForm({
  draft: initial,
  kind,
  isNew,
  takenIds,
  serverErrors,
  busy,
  onSubmit,
  onCancel,
}: {
  draft: EntityDraft;
  kind: EntityKind;
  isNew: boolean;
  takenIds: string[];
  serverErrors: FormErrors;
  busy: boolean;
  onSubmit(entity: BibleEntity): void;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState(initial);
  const [clientErrors, setClientErrors] = useState<FormErrors>({});
  // A new entity's id follows its name until the author types one.
  const [idTouched, setIdTouched] = useState(!isNew);
  const errorsOf = (field: string) => [...(clientErrors[field] ?? []), ...(serverErrors[field] ?? [])];
  const set = (patch: Partial<EntityDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const entity = entityFromDraft(draft);
    const errors = validateEntity(entity, isNew ? takenIds : []);
    setClientErrors(errors);
    if (Object.keys(errors).length === 0) onSubmit(entity);
  };

  const fieldClass = (field: string) => `field${errorsOf(field).length ? ' field--invalid' : ''}`;
  const Errors = ({ field }: { field: string }) => (
    <>
      {errorsOf(field).map((m, i) => (
        <p key={i} className="error-text" data-field-error={field}>
          {m}
        </p>
      ))}
    </>
  );

  return (
    <form className="form entity-form" onSubmit={submit} noValidate aria-label={isNew ? 'New entity' : `Edit ${initial.name}`}>
      <div className="field-row">
        <div className={fieldClass('id')}>
          <label htmlFor="entity-id">Id</label>
          <input id="entity-id" className="mono" value={draft.id} onChange={(e) => {
              setIdTouched(true);
              set({ id: e.target.value });
            }} readOnly={!isNew} maxLength={48} />
          <Errors field="id" />
        </div>
        <div className={fieldClass('name')}>
          <label htmlFor="entity-name">Name</label>
          <input id="entity-name" value={draft.name} onChange={(e) => set({ name: e.target.value, ...(idTouched ? {} : { id: idFromName(kind, e.target.value) }) })} maxLength={80} />
          <Errors field="name" />
        </div>
      </div>
      {(
        <div className="attribute-grid">
          {ATTRIBUTES.filter((a) => a.kinds.includes(kind)).map((a) => {
            const choices = attributeChoices(a);
            const field = `attributes.${a.name}`;
            const value = draft.attributes[a.name] ?? '';
            const onChange = (v: string) => set({ attributes: { ...draft.attributes, [a.name]: v } });
            return (
              <div key={a.name} className={fieldClass(field)}>
                <label htmlFor={`attr-${a.name}`}>{a.name}</label>
                {choices ? (
                  <select id={`attr-${a.name}`} className="select select--block" value={value} onChange={(e) => onChange(e.target.value)}>
                    <option value="">—</option>
                    {/* A stored value outside the list still shows, so the problem beside it makes sense. */}
                    {value && !choices.includes(value) && <option value={value}>{value}</option>}
                    {choices.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input id={`attr-${a.name}`} value={value} onChange={(e) => onChange(e.target.value)} maxLength={40} />
                )}
                <Errors field={field} />
              </div>
            );
          })}
        </div>
      )}
      {listFieldsOf(kind).map((field) => (
          <div key={field} className={fieldClass(field)}>
            <label htmlFor={`list-${field}`}>{LIST_LABEL[field]}</label>
            <input id={`list-${field}`} value={draft[field]} onChange={(e) => set({ [field]: e.target.value } as Partial<EntityDraft>)} />
            <p className="field__hint">{LIST_HINT[field]}</p>
            <Errors field={field} />
          </div>
        ))}
      {kind === 'character' && (
        <div className={fieldClass('clothing')}>
          <label htmlFor="list-clothing">Wears</label>
          <input id="list-clothing" value={draft.clothing} onChange={(e) => set({ clothing: e.target.value })} />
          <p className="field__hint">Colour then garment, comma-separated, such as "red cloak, grey boots".</p>
          <Errors field="clothing" />
        </div>
      )}
      <Errors field="" />
      <div className="btn-row btn-row--inline">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : isNew ? 'Add entity' : 'Save entity'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
