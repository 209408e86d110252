import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { forgeApi, PRESETS, type MapLayer, type WorldView } from '../../api/forge';
import { ProblemError, toProblem } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { useJob } from '../../hooks/useJob';
import {
  DEFAULT_FORM,
  isPreset,
  presetLabel,
  previewRequest,
  randomSeed,
  SIZE_PRESETS,
  SLIDERS,
  validateWorldForm,
  worldRequest,
  type WorldForm,
} from '../../lib/worldParams';
import { Field, ProblemAlert } from '../ui';
import { JobProgress } from './JobProgress';
import { LivePreview } from './LivePreview';
import { Slider } from './Slider';

const FIELDS = ['seed', 'name', 'size', 'width', 'height', 'preset', ...SLIDERS.map((s) => s.key)];

/**
 * The "New world" form with the live editor: every change redraws a small preview; Generate starts the job, follows
 * its stages and opens the world when it is ready.
 */
export function NewWorldForm({ projectId, onCreated }: { projectId: string; onCreated(w: WorldView): void }) {
  const [form, setForm] = useState<WorldForm>(() => ({ ...DEFAULT_FORM, seed: randomSeed() }));
  const [live, setLive] = useState(true);
  const [previewLayer, setPreviewLayer] = useState<MapLayer>('biomes');
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [busy, setBusy] = useState(false);
  const [started, setStarted] = useState<WorldView | null>(null);
  const { refreshMe } = useAuth();
  const navigate = useNavigate();
  const id = useId();

  const job = useJob(started?.jobId, (j) => {
    if (j.status === 'succeeded' && started) navigate(`/worlds/${started.id}`);
    if (j.status === 'failed' || j.status === 'cancelled') {
      setProblem(new ProblemError({ status: 0, title: `Generation ${j.status}${j.error ? `: ${j.error}` : '.'}` }));
      setStarted(null);
    }
  });

  const set = <K extends keyof WorldForm>(key: K, value: WorldForm[K]) => setForm((f) => ({ ...f, [key]: value }));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const errors = validateWorldForm(form);
    if (Object.keys(errors).length) {
      setProblem(new ProblemError({ status: 400, title: 'Check the highlighted fields.', fieldErrors: errors }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const w = await forgeApi.createWorld(projectId, worldRequest(form));
      setStarted(w);
      onCreated(w);
      void refreshMe();
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  const errs = (field: string) => problem?.forField(field);

  return (
    <form className="new-world" onSubmit={onSubmit} noValidate aria-label="New world">
      <div className="new-world__fields">
        <ProblemAlert problem={problem} knownFields={FIELDS} />
        <div className="field-row">
          <Field label="Seed" name="seed" value={form.seed} onChange={(e) => set('seed', e.target.value)} errors={errs('seed')} hint="A number or any text." maxLength={256} />
          <button type="button" className="btn btn--sm field-row__btn" onClick={() => set('seed', randomSeed())}>
            Random
          </button>
        </div>
        <Field label="Name" name="name" value={form.name} onChange={(e) => set('name', e.target.value)} errors={errs('name')} placeholder="Optional; “World <seed>” if empty" maxLength={200} />
        <div className="field-row">
          <Field
            label="Size"
            name="size"
            type="number"
            inputMode="numeric"
            min={64}
            max={4096}
            value={form.size}
            onChange={(e) => set('size', e.target.value)}
            errors={[...(errs('size') ?? []), ...(errs('width') ?? [])]}
            hint="Cells per side, 64–4096."
          />
          <div className="chips" role="group" aria-label="Size presets">
            {SIZE_PRESETS.map((s) => (
              <button key={s} type="button" className="chip-btn" aria-pressed={form.size === String(s)} onClick={() => set('size', String(s))}>
                {s}
              </button>
            ))}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-preset`}>Preset</label>
          <select id={`${id}-preset`} className="select select--block" value={form.preset} onChange={(e) => isPreset(e.target.value) && set('preset', e.target.value)}>
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {presetLabel(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="sliders">
          {SLIDERS.map((s) => (
            <Slider key={s.key} label={s.label} min={s.min} max={s.max} hint={s.hint} value={form[s.key]} onChange={(v) => set(s.key, v)} />
          ))}
        </div>
        {started ? (
          <JobProgress job={job} label="World generation progress" />
        ) : (
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {busy ? 'Starting…' : 'Generate'}
          </button>
        )}
      </div>
      <div className="new-world__preview">
        <div className="preview-head">
          <label className="switch">
            <input type="checkbox" checked={live} onChange={(e) => setLive(e.target.checked)} />
            <span className="switch__track" aria-hidden="true" />
            <span>Live preview</span>
          </label>
          <select className="select" aria-label="Preview layer" value={previewLayer} onChange={(e) => setPreviewLayer(e.target.value as MapLayer)}>
            <option value="biomes">Biomes</option>
            <option value="height">Height</option>
            <option value="political">Political</option>
            <option value="rivers">Rivers</option>
          </select>
        </div>
        {live ? <LivePreview body={previewRequest(form)} layer={previewLayer} /> : <p className="muted small">Live preview is off.</p>}
      </div>
    </form>
  );
}
