import { useCallback, useEffect, useRef, useState } from 'react';
import { exportsApi, type ExportEngines, type ExportStarted, type ExportView } from '../../api/exports';
import type { WorldView } from '../../api/forge';
import { toProblem, type ProblemError } from '../../api/problem';
import { useExport } from '../../hooks/useExport';
import { saveBlob } from '../../lib/download';
import { ProblemAlert, Spinner } from '../ui';
import { EngineChecklist } from './EngineChecklist';
import { ExportList } from './ExportList';
import { ExportRun } from './ExportRun';

interface Props {
  world: WorldView;
  onClose(): void;
}

/**
 * Exports the world's head to any of the nine engines: pick engines (locked ones show what unlocks them), start the
 * job, watch each engine finish, download the signed ZIP. Earlier exports of the world are listed for download too.
 * Closing the dialog does not stop an export: it goes on on the server and shows in the list when the dialog reopens.
 */
export function ExportDialog({ world, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [engines, setEngines] = useState<ExportEngines | null>(null);
  const [selected, setSelected] = useState<string[]>(['json']);
  const [started, setStarted] = useState<ExportStarted | null>(null);
  const [starting, setStarting] = useState(false);
  const [earlier, setEarlier] = useState<ExportView[] | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const run = useExport(started?.exportId ?? null, started?.jobId ?? null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const loadEarlier = useCallback(async () => {
    try {
      setEarlier(await exportsApi.list(world.id));
    } catch (err) {
      setProblem(toProblem(err));
    }
  }, [world.id]);

  useEffect(() => {
    let live = true;
    exportsApi
      .engines()
      .then((e) => live && setEngines(e))
      .catch((err) => live && setProblem(toProblem(err)));
    void loadEarlier();
    return () => {
      live = false;
    };
  }, [loadEarlier]);

  const finished = run.view?.status === 'ready' || run.view?.status === 'failed';
  useEffect(() => {
    if (finished) void loadEarlier();
  }, [finished, loadEarlier]);

  // An export started before the dialog was (re)opened keeps running on the server: follow it in the list.
  const pending = earlier?.some((e) => e.id !== started?.exportId && (e.status === 'queued' || e.status === 'running')) ?? false;
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void loadEarlier(), 2000);
    return () => clearInterval(timer);
  }, [pending, loadEarlier]);

  const start = async () => {
    setStarting(true);
    setProblem(null);
    try {
      setStarted(await exportsApi.start(world.id, selected));
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setStarting(false);
    }
  };

  const download = async (view: ExportView) => {
    setProblem(null);
    try {
      const { blob, fileName } = await exportsApi.download(view);
      saveBlob(blob, fileName);
    } catch (err) {
      setProblem(toProblem(err));
    }
  };

  return (
    <dialog ref={ref} className="dialog export-dialog" aria-labelledby="export-h" onClose={onClose}>
      <div className="dialog__head">
        <div>
          <h2 id="export-h">Export “{world.name}”</h2>
          <p className="muted small">
            Snapshot #{world.head} as one signed ZIP: a folder per engine, every file listed with its SHA-256 in manifest.json.
          </p>
        </div>
        <button type="button" className="icon-btn" onClick={() => ref.current?.close()} aria-label="Close">
          ×
        </button>
      </div>
      <ProblemAlert problem={problem ?? run.problem} />
      {!engines ? (
        !problem && <Spinner label="Loading engines…" />
      ) : !started ? (
        <>
          <EngineChecklist engines={engines} selected={selected} onChange={setSelected} />
          <div className="dialog__actions">
            <button type="button" className="btn btn--primary" onClick={start} disabled={starting || selected.length === 0}>
              {starting ? 'Starting…' : `Export ${selected.length} ${selected.length === 1 ? 'engine' : 'engines'}`}
            </button>
          </div>
        </>
      ) : (
        <ExportRun view={run.view} job={run.job} onDownload={download} onAgain={() => setStarted(null)} />
      )}
      <ExportList exports={earlier} current={started?.exportId ?? null} onDownload={download} />
    </dialog>
  );
}
