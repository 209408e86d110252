import { useEffect, useRef, useState } from 'react';
import type { Job } from '../api/types';
import { watchJob } from '../lib/jobs';

/**
 * Follows a job over SSE while `jobId` is set: the latest JobView, or null before the first event. `onJob` is called
 * for every event; the latest one passed is used, so an inline function does not restart the stream.
 */
export function useJob(jobId: string | null | undefined, onJob?: (job: Job) => void): Job | null {
  const [job, setJob] = useState<Job | null>(null);
  const onJobRef = useRef(onJob);
  onJobRef.current = onJob;
  useEffect(() => {
    setJob(null);
    if (!jobId) return;
    const ctrl = new AbortController();
    void watchJob(
      jobId,
      (j) => {
        if (ctrl.signal.aborted) return;
        setJob(j);
        onJobRef.current?.(j);
      },
      ctrl.signal,
    );
    return () => ctrl.abort();
  }, [jobId]);
  return job;
}
