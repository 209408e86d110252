import { useId, useState, type FormEvent } from 'react';
import type { Cell } from '../../api/forge';
import { ProblemError } from '../../api/problem';
import { humanize } from '../../lib/biomes';
import { addPoi, MAX_HOOK, POI_KINDS, type Built } from '../../lib/overrides';
import { Field, ProblemAlert } from '../ui';

/** Adding a point of interest: pick a cell on the map, then name it and (optionally) write its hook. */
export function AddPoiPanel({
  cell,
  busy,
  problem,
  onEdit,
  onCancel,
}: {
  cell: Cell | null;
  busy: boolean;
  problem: ProblemError | null;
  onEdit(built: Built): Promise<boolean>;
  onCancel(): void;
}) {
  const [kind, setKind] = useState<string>('ruin');
  const [name, setName] = useState('');
  const [hook, setHook] = useState('');
  const [localProblem, setLocalProblem] = useState<ProblemError | null>(null);
  const id = useId();
  const shown = localProblem ?? problem;

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!cell) return;
    const built = addPoi({ poiKind: kind, name, location: cell, hookText: hook });
    if (!built.ok) {
      setLocalProblem(new ProblemError({ status: 400, title: 'Check the highlighted fields.', fieldErrors: built.errors }));
      return;
    }
    setLocalProblem(null);
    if (await onEdit(built)) {
      setName('');
      setHook('');
    }
  };

  return (
    <section className="panel panel--tight side-panel" aria-labelledby="add-poi-h">
      <div className="side-panel__head">
        <h2 id="add-poi-h">New point of interest</h2>
        <button type="button" className="icon-btn" onClick={onCancel} aria-label="Cancel adding a point of interest">
          ×
        </button>
      </div>
      {!cell ? (
        <p className="hint-box" role="status">
          Click a cell on the map where it should be. Esc cancels.
        </p>
      ) : (
        <form className="form form--tight" onSubmit={onSubmit} noValidate aria-label="New point of interest">
          <p className="small">
            At cell{' '}
            <span className="mono">
              {cell.x}, {cell.y}
            </span>{' '}
            <span className="muted">(click the map to change)</span>
          </p>
          <ProblemAlert problem={shown} knownFields={['poiKind', 'name', 'hookText', 'location']} />
          <div className="field">
            <label htmlFor={`${id}-kind`}>Kind</label>
            <select id={`${id}-kind`} className="select select--block" value={kind} onChange={(e) => setKind(e.target.value)}>
              {POI_KINDS.map((k) => (
                <option key={k} value={k}>
                  {humanize(k)}
                </option>
              ))}
            </select>
          </div>
          <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} errors={shown?.forField('name')} maxLength={100} placeholder="e.g. The Sunken Chapel" />
          <div className={`field${shown?.forField('hookText').length ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-hook`}>Quest hook</label>
            <textarea id={`${id}-hook`} className="textarea" rows={3} value={hook} onChange={(e) => setHook(e.target.value)} maxLength={MAX_HOOK} placeholder="Optional. Why would anyone go there?" />
            {shown?.forField('hookText').map((m) => (
              <p key={m} className="field__errors">
                {m}
              </p>
            ))}
          </div>
          {shown?.forField('location').map((m) => (
            <p key={m} className="field__errors">
              {m}
            </p>
          ))}
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? 'Adding…' : 'Add point of interest'}
          </button>
        </form>
      )}
    </section>
  );
}
