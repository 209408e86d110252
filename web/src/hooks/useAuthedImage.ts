import { useEffect, useState } from 'react';
import { fetchBlob } from '../api/forge';
import { toProblem, type ProblemError } from '../api/problem';

/**
 * An object URL for an image the API only serves with the bearer token (an <img src> cannot send it). The URL is
 * revoked when the path changes or the component goes away.
 */
export function useAuthedImage(path: string | null): { url: string | null; problem: ProblemError | null } {
  const [state, setState] = useState<{ path: string | null; url: string | null; problem: ProblemError | null }>({ path: null, url: null, problem: null });

  useEffect(() => {
    if (!path) return;
    const ctrl = new AbortController();
    let url: string | null = null;
    fetchBlob(path, ctrl.signal)
      .then((blob) => {
        url = URL.createObjectURL(blob);
        setState({ path, url, problem: null });
      })
      .catch((err) => {
        if (!ctrl.signal.aborted) setState({ path, url: null, problem: toProblem(err) });
      });
    return () => {
      ctrl.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [path]);

  return state.path === path ? { url: state.url, problem: state.problem } : { url: null, problem: null };
}
