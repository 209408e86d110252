import { useEffect, useMemo, useRef, useState } from 'react';
import { fetchPreview, type MapLayer, type WorldParams } from '../../api/forge';
import { toProblem, type ProblemError } from '../../api/problem';
import { debounce } from '../../lib/debounce';
import { previewKey } from '../../lib/worldParams';
import { ProblemAlert } from '../ui';

const DEBOUNCE_MS = 150;

interface Shown {
  url: string;
  serverMs: number | null;
  side: number;
  key: string;
}

/**
 * The live editor's picture: while the form changes, waits until it rests for 150 ms, then asks the server for a
 * small preview (aborting any request still in flight) and shows it with the server's generation time.
 */
export function LivePreview({ body, layer }: { body: (WorldParams & { seed: string }) | null; layer: MapLayer }) {
  const [shown, setShown] = useState<Shown | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const inflight = useRef<AbortController | null>(null);
  const urlRef = useRef<string | null>(null);
  const key = previewKey(body ? { ...body, layer } : null);

  const request = useMemo(
    () =>
      debounce((req: WorldParams & { seed: string; layer: MapLayer }, reqKey: string) => {
        inflight.current?.abort();
        const ctrl = new AbortController();
        inflight.current = ctrl;
        setLoading(true);
        fetchPreview(req, ctrl.signal)
          .then(({ blob, serverMs }) => {
            if (ctrl.signal.aborted) return;
            const url = URL.createObjectURL(blob);
            if (urlRef.current) URL.revokeObjectURL(urlRef.current);
            urlRef.current = url;
            setShown({ url, serverMs, side: req.size ?? 0, key: reqKey });
            setProblem(null);
          })
          .catch((err) => {
            if (!ctrl.signal.aborted) setProblem(toProblem(err));
          })
          .finally(() => {
            if (inflight.current === ctrl) {
              inflight.current = null;
              setLoading(false);
            }
          });
      }, DEBOUNCE_MS),
    [],
  );

  useEffect(() => {
    if (!body) {
      request.cancel();
      return;
    }
    request({ ...body, layer }, key);
    // Keyed on `key`, which spells out every field of body and layer: a new object with the same values is no change.
  }, [key, request]);

  useEffect(
    () => () => {
      request.cancel();
      inflight.current?.abort();
      if (urlRef.current) URL.revokeObjectURL(urlRef.current);
      urlRef.current = null;
    },
    [request],
  );

  return (
    <figure className="preview" aria-busy={loading}>
      <div className={`preview__frame${loading ? ' preview__frame--loading' : ''}`}>
        {shown ? (
          <img src={shown.url} alt="Live preview of the world" className="preview__img" data-preview-key={shown.key} />
        ) : (
          <div className="preview__empty">{body ? 'Drawing the first preview…' : 'Enter a seed and a size to see a preview.'}</div>
        )}
        {loading && <span className="preview__spinner" aria-hidden="true" />}
      </div>
      <figcaption className="preview__caption" data-testid="preview-caption">
        {shown ? (
          <>
            {shown.side}² preview
            {shown.serverMs !== null && (
              <>
                {' '}
                · server <strong>{shown.serverMs.toFixed(0)} ms</strong>
              </>
            )}
            {shown.key !== key && body ? ' · updating…' : ''}
          </>
        ) : (
          '\u00a0'
        )}
      </figcaption>
      <ProblemAlert problem={problem} />
    </figure>
  );
}
