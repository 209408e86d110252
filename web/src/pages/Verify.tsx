import { useEffect, useRef, useState, type DragEvent } from 'react';
import { Spinner, usePageTitle } from '../components/ui';
import { verifyBundle, type BundleVerification } from '../lib/bundle';
import { formatBytes } from '../lib/format';
import { shortHash } from '../lib/format';
import { serverKeyIds } from '../lib/serverKeys';

interface Checked {
  name: string;
  size: number;
  result: BundleVerification | null;
  error: string | null;
}

/** Files the table lists before asking to show the rest: a bundle of a huge world can hold thousands. */
const FIRST_ROWS = 300;

/**
 * Checks an export bundle in the browser: nothing is uploaded, and with the app's service worker it works with the
 * network off. Drop a ZIP or choose one; the page reads it, checks the signature and every file, and shows the world.
 */
export function VerifyPage() {
  usePageTitle('Verify a bundle');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const [known, setKnown] = useState<Set<string> | null>(null);
  const input = useRef<HTMLInputElement>(null);

  // This server's keys, when it can be reached: they say whether it signed the bundle. Offline, the check still runs.
  useEffect(() => {
    let live = true;
    void serverKeyIds().then((ids) => live && setKnown(ids));
    return () => {
      live = false;
    };
  }, []);

  const check = async (file: File) => {
    setBusy(true);
    setChecked({ name: file.name, size: file.size, result: null, error: null });
    try {
      const result = await verifyBundle(new Uint8Array(await file.arrayBuffer()));
      setChecked({ name: file.name, size: file.size, result, error: null });
    } catch (err) {
      const message = err instanceof DOMException && err.name === 'NotSupportedError'
        ? 'This browser cannot check Ed25519 signatures (WebCrypto). Use a current Chromium, Firefox or Safari, or `loom verify`.'
        : err instanceof Error ? err.message : String(err);
      setChecked({ name: file.name, size: file.size, result: null, error: message });
    } finally {
      setBusy(false);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void check(file);
  };

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Verify a bundle</h1>
          <p className="muted">
            Checks an export ZIP here in your browser: its signature, and that every file is exactly as its manifest lists. Nothing is uploaded, and it
            works offline.
          </p>
        </div>
      </div>
      <div
        className={`dropzone${over ? ' dropzone--over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <svg className="dropzone__art" viewBox="0 0 48 48" aria-hidden="true">
          <path d="M14 20l10-10 10 10M24 10v22" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
          <path d="M8 30v8h32v-8" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <p>Drop a bundle ZIP here, or</p>
        <label className="btn btn--primary">
          Choose a ZIP…
          <input
            ref={input}
            className="visually-hidden"
            type="file"
            accept=".zip,application/zip"
            aria-label="Bundle ZIP"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void check(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {checked && (
        <section className="panel section-gap" aria-labelledby="verify-h" aria-busy={busy}>
          <h2 id="verify-h">
            {checked.name} <span className="muted small">{formatBytes(checked.size)}</span>
          </h2>
          {busy ? <Spinner label="Checking…" /> : <Outcome checked={checked} known={known} />}
        </section>
      )}
    </div>
  );
}

function Outcome({ checked, known }: { checked: Checked; known: Set<string> | null }) {
  const [all, setAll] = useState(false);
  const { result, error } = checked;
  if (error || !result) {
    return (
      <div className="verify verify--bad" role="alert" data-testid="verify-result">
        <strong>Could not check this file.</strong>
        <span>{error}</span>
      </div>
    );
  }
  const m = result.manifest;
  const byPath = new Map(result.problems.filter((p) => p.path).map((p) => [p.path!, p]));
  const rows = m ? [...m.files.map((f) => ({ ...f, problem: byPath.get(f.path) })), ...result.problems.filter((p) => p.kind === 'added').map((p) => ({ path: p.path!, size: null, sha256: null, problem: p }))] : [];
  const shown = all ? rows : rows.slice(0, FIRST_ROWS);
  return (
    <>
      {result.valid ? (
        <div className="verify verify--ok" role="status" data-testid="verify-result">
          <strong>Valid, signed by {m!.keyId}</strong>
          <span>
            {m!.files.length} files match the signed manifest.
            {known && (known.has(m!.keyId) ? ' This is a key of the server you are using.' : ' This key is not one of the server you are using.')}
          </span>
        </div>
      ) : (
        <div className="verify verify--bad" role="alert" data-testid="verify-result">
          <strong>Not valid: {result.problems.length === 1 ? '1 problem' : `${result.problems.length} problems`}</strong>
          <ul className="alert__list">
            {result.problems.slice(0, 50).map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </div>
      )}
      {m && (
        <>
          <dl className="facts">
            <dt>World hash</dt>
            <dd className="mono wrap-any">{m.world.hash}</dd>
            <dt>Seed</dt>
            <dd>
              <span className="mono">{m.world.seed}</span> <span className="muted small">({m.world.seedKind})</span>
            </dd>
            <dt>Generator</dt>
            <dd className="mono">{m.world.generator}</dd>
            <dt>Engines</dt>
            <dd className="tags">
              {m.engines.map((e) => (
                <span key={e} className="tag">
                  {e}
                </span>
              ))}
            </dd>
            <dt>Signing key</dt>
            <dd className="mono wrap-any">{m.keyId}</dd>
            <dt>Parameters</dt>
            <dd className="mono small wrap-any">{Object.entries(m.world.parameters).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(' · ')}</dd>
          </dl>
          <div className="table-wrap">
            <table className="table" aria-label="Files">
              <thead>
                <tr>
                  <th>File</th>
                  <th className="num">Size</th>
                  <th>SHA-256</th>
                  <th>Check</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.path} className={r.problem ? 'row-bad' : undefined}>
                    <td className="mono">{r.path}</td>
                    <td className="num">{r.size === null ? '—' : formatBytes(r.size)}</td>
                    <td className="mono nowrap" title={r.sha256 ?? undefined}>
                      {r.sha256 ? shortHash(r.sha256, 12, 6) : '—'}
                    </td>
                    <td>{r.problem ? <span className="text-danger">{r.problem.kind}</span> : <span className="text-success">ok</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > shown.length && (
            <button type="button" className="btn btn--sm section-gap" onClick={() => setAll(true)}>
              Show all {rows.length} files
            </button>
          )}
        </>
      )}
    </>
  );
}
