import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { toProblem, type ProblemError } from '../api/problem';
import { useAuth } from '../auth/AuthContext';
import { EntityForm } from '../components/stories/EntityForm';
import { Badge, EmptyState, Notice, ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { useAuthedImage } from '../hooks/useAuthedImage';
import { portraitPath, storiesApi, type Scene } from '../stories/api';
import {
  draftFromEntity,
  emptyDraft,
  kindOf,
  KINDS,
  latestState,
  problemsToFields,
  validateRule,
  type BibleDocument,
  type BibleEdit,
  type BibleEntity,
  type BibleRule,
  type EntityKind,
  type FormErrors,
} from '../stories/bible';
import { nextSegmentNumber } from '../stories/model';

type Editing = { what: 'entity'; kind: EntityKind; entity: BibleEntity | null } | { what: 'rule'; rule: BibleRule | null } | null;

/**
 * A scene's bible: its entities (with portraits), rules and corrections. The owner corrects it one edit at a time;
 * each correction is sent with If-Match on the version shown, and starts from a segment (by default the next one),
 * so segments already made keep the bible they were made with.
 */
export function SceneBiblePage() {
  const { id = '' } = useParams();
  const { me } = useAuth();
  const [scene, setScene] = useState<Scene | null>(null);
  const [doc, setDoc] = useState<BibleDocument | null>(null);
  const [etag, setEtag] = useState<string | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [fromSegment, setFromSegment] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [editProblem, setEditProblem] = useState<ProblemError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [newKind, setNewKind] = useState<EntityKind>('character');
  usePageTitle(scene ? `${scene.title}: bible` : 'Scene bible');

  const load = useCallback(async () => {
    try {
      const [s, b] = await Promise.all([storiesApi.scene(id), storiesApi.bible(id)]);
      setScene(s);
      setDoc(b.bible);
      setEtag(b.etag);
      setFromSegment((f) => f ?? nextSegmentNumber(s));
      setProblem(null);
    } catch (err) {
      setProblem(toProblem(err));
    }
  }, [id]);

  useEffect(() => {
    void load();
  }, [load]);

  const correct = async (edit: BibleEdit, done: string) => {
    setBusy(true);
    setEditProblem(null);
    setNotice(null);
    try {
      const res = await storiesApi.correctBible(id, edit, fromSegment, etag);
      setDoc(res.bible);
      setEtag(res.etag);
      setEditing(null);
      setNotice(done);
    } catch (err) {
      const p = toProblem(err);
      setEditProblem(p);
      if (p.status === 412) {
        // Someone corrected it since it was read: show their version; the form stays open to try again.
        void load();
      }
    } finally {
      setBusy(false);
    }
  };

  if (problem && !doc) {
    return (
      <div className="page">
        <ProblemAlert problem={problem} />
      </div>
    );
  }
  if (!doc || !scene) {
    return (
      <div className="page">
        <div className="loading-block">
          <Spinner label="Loading the bible…" />
        </div>
      </div>
    );
  }

  const state = latestState(doc);
  const owner = me?.id === scene.ownerId;
  const editId = editing?.what === 'entity' ? (editing.entity?.id ?? '') : editing?.what === 'rule' ? (editing.rule?.id ?? '') : '';
  const serverErrors: FormErrors = editProblem && editing ? problemsToFields(editProblem.pathErrors, editId, editing.what) : {};
  // The open form shows every problem beside its field (those of no field of its own, such as the rule an entity edit
  // contradicts, at its foot): a banner repeating them would only be noise.
  const onFields = editing !== null && editProblem?.status !== 412 && Object.keys(serverErrors).length > 0;
  const bannerProblem = onFields ? null : editProblem;

  return (
    <div className="page">
      <Link to={`/stories/scenes/${scene.id}`} className="back-link">
        ← {scene.title}
      </Link>
      <div className="page-head">
        <div>
          <h1>Scene bible</h1>
          <p className="muted">
            What stays the same in every segment of “{scene.title}”: {state.entities.length} entities and {state.rules.length} rules, version {state.version}.
          </p>
        </div>
        {owner && (
          <div className="field bible-from">
            <label htmlFor="bible-from">Corrections apply from segment</label>
            <input
              id="bible-from"
              type="number"
              min={1}
              max={9999}
              value={fromSegment ?? ''}
              onChange={(e) => setFromSegment(e.target.value ? Math.max(1, Math.min(9999, Math.trunc(Number(e.target.value)))) : null)}
            />
            <p className="field__hint">Earlier segments keep the bible they were made with.</p>
          </div>
        )}
      </div>
      {notice && <Notice tone="success" onDismiss={() => setNotice(null)}>{notice}</Notice>}
      {/* An open form shows every field problem itself (those of no field it has at its foot); a removal has no form. */}
      <ProblemAlert problem={bannerProblem} knownFields={editing ? Object.keys(editProblem?.fieldErrors ?? {}) : []} />

      <section className="panel" aria-labelledby="entities-h">
        <div className="panel__head">
          <h2 id="entities-h">Entities</h2>
          {owner && editing === null && (
            <span className="inline-form">
              <label className="visually-hidden" htmlFor="new-kind">
                Kind of entity
              </label>
              <select id="new-kind" className="select" value={newKind} onChange={(e) => setNewKind(e.target.value as EntityKind)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
              <button type="button" className="btn btn--sm" onClick={() => setEditing({ what: 'entity', kind: newKind, entity: null })}>
                Add entity
              </button>
            </span>
          )}
        </div>
        {editing?.what === 'entity' && editing.entity === null && (
          <EntityForm
            draft={emptyDraft(editing.kind)}
            kind={editing.kind}
            isNew
            takenIds={state.entities.map((e) => e.id)}
            serverErrors={serverErrors}
            busy={busy}
            onSubmit={(entity) => void correct({ kind: 'put_entity', entity }, `${entity.name} added.`)}
            onCancel={() => {
              setEditing(null);
              setEditProblem(null);
            }}
          />
        )}
        {state.entities.length === 0 ? (
          <EmptyState title="No entities yet">
            <p>Characters, places, props and creatures appear here as the scene introduces them.</p>
          </EmptyState>
        ) : (
          <ul className="entity-list" aria-label="Entities">
            {state.entities.map((e) =>
              editing?.what === 'entity' && editing.entity?.id === e.id ? (
                <li key={e.id} className="entity entity--editing">
                  <EntityForm
                    draft={draftFromEntity(e)}
                    kind={kindOf(e.id) ?? 'prop'}
                    isNew={false}
                    takenIds={[]}
                    serverErrors={serverErrors}
                    busy={busy}
                    onSubmit={(entity) => void correct({ kind: 'put_entity', entity }, `${entity.name} saved.`)}
                    onCancel={() => {
                      setEditing(null);
                      setEditProblem(null);
                    }}
                  />
                </li>
              ) : (
                <EntityCard
                  key={e.id}
                  sceneId={scene.id}
                  version={state.version}
                  entity={e}
                  editable={owner && editing === null}
                  onEdit={() => setEditing({ what: 'entity', kind: kindOf(e.id) ?? 'prop', entity: e })}
                  onRemove={() => void correct({ kind: 'remove_entity', id: e.id }, `${e.name} removed.`)}
                />
              ),
            )}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="rules-h">
        <div className="panel__head">
          <h2 id="rules-h">Rules</h2>
          {owner && editing === null && (
            <button type="button" className="btn btn--sm" onClick={() => setEditing({ what: 'rule', rule: null })}>
              Add rule
            </button>
          )}
        </div>
        <p className="small muted">
          One rule each, such as <code>char_mira always wears red cloak</code>, <code>loc_tower is north of loc_river</code> or <code>no firearms</code>.
        </p>
        {editing?.what === 'rule' && editing.rule === null && (
          <RuleForm
            rule={{ id: `rule_${state.rules.length + 1}`, text: '' }}
            isNew
            takenIds={state.rules.map((r) => r.id)}
            serverErrors={serverErrors}
            busy={busy}
            onSubmit={(rule) => void correct({ kind: 'put_rule', rule }, `Rule ${rule.id} added.`)}
            onCancel={() => {
              setEditing(null);
              setEditProblem(null);
            }}
          />
        )}
        {state.rules.length === 0 ? (
          <p className="muted">No rules yet.</p>
        ) : (
          <ul className="rule-list" aria-label="Rules">
            {state.rules.map((r) =>
              editing?.what === 'rule' && editing.rule?.id === r.id ? (
                <li key={r.id}>
                  <RuleForm
                    rule={r}
                    isNew={false}
                    takenIds={[]}
                    serverErrors={serverErrors}
                    busy={busy}
                    onSubmit={(rule) => void correct({ kind: 'put_rule', rule }, `Rule ${rule.id} saved.`)}
                    onCancel={() => {
                      setEditing(null);
                      setEditProblem(null);
                    }}
                  />
                </li>
              ) : (
                <li key={r.id} className="rule">
                  <code className="rule__id">{r.id}</code> <span className="rule__text">{r.text}</span>
                  {owner && editing === null && (
                    <span className="btn-row btn-row--inline">
                      <button type="button" className="btn btn--sm" onClick={() => setEditing({ what: 'rule', rule: r })}>
                        Edit
                      </button>
                      <button type="button" className="btn btn--sm btn--danger" onClick={() => void correct({ kind: 'remove_rule', id: r.id }, `Rule ${r.id} removed.`)}>
                        Remove
                      </button>
                    </span>
                  )}
                </li>
              ),
            )}
          </ul>
        )}
      </section>

      {(doc.changes ?? []).length > 0 && (
        <section className="panel" aria-labelledby="changes-h">
          <h2 id="changes-h">Corrections</h2>
          <ol className="plain-list">
            {[...(doc.changes ?? [])]
              .sort((a, b) => b.version - a.version)
              .map((c) => (
                <li key={c.version} className="small">
                  Version {c.version}, from segment {c.fromSegment}: {describeEdit(c.edit)}
                </li>
              ))}
          </ol>
        </section>
      )}
    </div>
  );
}

function describeEdit(edit: BibleEdit): string {
  switch (edit.kind) {
    case 'put_entity':
      return `put ${edit.entity.name} (${edit.entity.id})`;
    case 'remove_entity':
      return `removed ${edit.id}`;
    case 'put_rule':
      return `rule ${edit.rule.id}: “${edit.rule.text}”`;
    case 'remove_rule':
      return `removed rule ${edit.id}`;
  }
}

function EntityCard({
  sceneId,
  version,
  entity: e,
  editable,
  onEdit,
  onRemove,
}: {
  sceneId: string;
  version: number;
  entity: BibleEntity;
  editable: boolean;
  onEdit(): void;
  onRemove(): void;
}) {
  const portrait = useAuthedImage(portraitPath(sceneId, e.id, version));
  const kind = kindOf(e.id);
  const lists: [string, string[] | undefined][] = [
    ['Other names', e.aliases],
    ['Temperament', e.temperament],
    ['Carries', e.items],
    ['Landmarks', e.landmarks],
    ['Palette', e.palette],
  ];
  return (
    <li className="entity" data-entity-id={e.id}>
      <div className="entity__portrait">
        {portrait.url ? <img src={portrait.url} alt={`Portrait of ${e.name}`} width={160} height={160} /> : <span className="entity__placeholder" aria-hidden="true" />}
      </div>
      <div className="entity__body">
        <h3 className="entity__name">
          {e.name} <Badge tone="info">{kind ?? 'entity'}</Badge>
        </h3>
        <p className="cell-sub mono">{e.id}</p>
        <dl className="facts">
          {Object.entries(e.attributes ?? {}).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
          {(e.clothing ?? []).length > 0 && (
            <div>
              <dt>Wears</dt>
              <dd>{(e.clothing ?? []).map((g) => `${g.colour} ${g.item}`).join(', ')}</dd>
            </div>
          )}
          {lists
            .filter(([, v]) => (v ?? []).length > 0)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{(v ?? []).join(', ')}</dd>
              </div>
            ))}
        </dl>
        {editable && (
          <div className="btn-row btn-row--inline">
            <button type="button" className="btn btn--sm" onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="btn btn--sm btn--danger" onClick={onRemove}>
              Remove
            </button>
          </div>
        )}
      </div>
    </li>
  );
}

function RuleForm({
  rule,
  isNew,
  takenIds,
  serverErrors,
  busy,
  onSubmit,
  onCancel,
}: {
  rule: BibleRule;
  isNew: boolean;
  takenIds: string[];
  serverErrors: FormErrors;
  busy: boolean;
  onSubmit(rule: BibleRule): void;
  onCancel(): void;
}) {
  const [id, setId] = useState(rule.id);
  const [text, setText] = useState(rule.text);
  const [clientErrors, setClientErrors] = useState<FormErrors>({});
  const errorsOf = (f: string) => [...(clientErrors[f] ?? []), ...(serverErrors[f] ?? [])];

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const r = { id: id.trim(), text: text.trim() };
    const errors = validateRule(r, isNew ? takenIds : []);
    setClientErrors(errors);
    if (Object.keys(errors).length === 0) onSubmit(r);
  };

  return (
    <form className="form rule-form" onSubmit={submit} noValidate aria-label={isNew ? 'New rule' : `Edit rule ${rule.id}`}>
      <div className="field-row">
        <div className={`field${errorsOf('id').length ? ' field--invalid' : ''}`}>
          <label htmlFor="rule-id">Rule id</label>
          <input id="rule-id" className="mono" value={id} onChange={(e) => setId(e.target.value)} readOnly={!isNew} maxLength={40} />
          {errorsOf('id').map((m, i) => (
            <p key={i} className="error-text" data-field-error="id">
              {m}
            </p>
          ))}
        </div>
        <div className={`field field--grow${errorsOf('text').length ? ' field--invalid' : ''}`}>
          <label htmlFor="rule-text">Rule</label>
          <input id="rule-text" className="mono" value={text} onChange={(e) => setText(e.target.value)} maxLength={200} />
          {errorsOf('text').map((m, i) => (
            <p key={i} className="error-text" data-field-error="text">
              {m}
            </p>
          ))}
        </div>
      </div>
      {errorsOf('').map((m, i) => (
        <p key={i} className="error-text" data-field-error="">
          {m}
        </p>
      ))}
      <div className="btn-row btn-row--inline">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Saving…' : isNew ? 'Add rule' : 'Save rule'}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
