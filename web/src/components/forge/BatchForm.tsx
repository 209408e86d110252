import { useId, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { forgeApi, PRESETS, type Preset } from '../../api/forge';
import { ProblemError, toProblem } from '../../api/problem';
import { useAuth } from '../../auth/AuthContext';
import { isPreset, parseBatchSeeds, parseSize, presetLabel } from '../../lib/worldParams';
import { Field, ProblemAlert } from '../ui';

/** Starts a batch: a seed range (or list), a size and a preset; opens the batch page. */
export function BatchForm({ projectId }: { projectId: string }) {
  const [seeds, setSeeds] = useState('1..24');
  const [size, setSize] = useState('128');
  const [preset, setPreset] = useState<Preset>('continent');
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [busy, setBusy] = useState(false);
  const { refreshMe } = useAuth();
  const navigate = useNavigate();
  const id = useId();

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const parsedSeeds = parseBatchSeeds(seeds);
    const parsedSize = parseSize(size);
    const errors: Record<string, string[]> = {};
    if (!parsedSeeds) errors.seeds = ['Enter a range like 1..100 or seeds separated by commas.'];
    if (parsedSize === null) errors.size = ['Enter a whole number from 64 to 4096.'];
    if (!parsedSeeds || parsedSize === null) {
      setProblem(new ProblemError({ status: 400, title: 'Check the highlighted fields.', fieldErrors: errors }));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const b = await forgeApi.createBatch(projectId, { seeds: parsedSeeds, size: parsedSize, preset });
      void refreshMe();
      navigate(`/batches/${b.id}`);
    } catch (err) {
      setProblem(toProblem(err));
      setBusy(false);
    }
  };

  return (
    <form className="form form--tight batch-form" onSubmit={onSubmit} noValidate aria-label="New batch">
      <ProblemAlert problem={problem} knownFields={['seeds', 'size', 'preset']} />
      <Field label="Seeds" name="seeds" value={seeds} onChange={(e) => setSeeds(e.target.value)} errors={problem?.forField('seeds')} hint="A range like 1..100 (at most 1,000) or a list: 4, 8, dragon." />
      <Field label="Batch size" name="size" type="number" inputMode="numeric" min={64} max={4096} value={size} onChange={(e) => setSize(e.target.value)} errors={problem?.forField('size')} hint="Cells per side of every world." />
      <div className="field">
        <label htmlFor={`${id}-preset`}>Batch preset</label>
        <select id={`${id}-preset`} className="select select--block" value={preset} onChange={(e) => isPreset(e.target.value) && setPreset(e.target.value)}>
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {presetLabel(p)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn" disabled={busy}>
        {busy ? 'Starting…' : 'Start batch'}
      </button>
    </form>
  );
}
