import { useCallback, useEffect, useRef, useState } from 'react';
import { exportsApi, type ExportView } from '../api/exports';
import { toProblem, type ProblemError } from '../api/problem';
import type { Job } from '../api/types';
import { useJob } from './useJob';

/**
 * Follows one export: its job's progress over SSE, and the export's own view (per-engine status, the bundle) fetched
 * again at every job event. Answers can arrive out of order, so only the newest request's answer is kept.
 */
export function useExport(exportId: string | null, jobId: string | null): { view: ExportView | null; job: Job | null; problem: ProblemError | null } {
  const [view, setView] = useState<ExportView | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const asked = useRef(0);
  const applied = useRef(0);

  const refresh = useCallback(async () => {
    if (!exportId) return;
    const n = ++asked.current;
    try {
      const v = await exportsApi.get(exportId);
      if (n > applied.current) {
        applied.current = n;
        setView(v);
        setProblem(null);
      }
    } catch (err) {
      if (n > applied.current) setProblem(toProblem(err));
    }
  }, [exportId]);

  useEffect(() => {
    setView(null);
    setProblem(null);
    void refresh();
  }, [refresh]);

  const job = useJob(jobId, () => void refresh());
  return { view, job, problem };
}
