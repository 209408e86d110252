import { useCallback, useEffect, useState } from 'react';
import { api } from '../api/client';
import { toProblem, type ProblemError } from '../api/problem';
import type { AdminUser, AuditPage, AuditVerifyResult } from '../api/types';
import { EmptyState, ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { formatDateTime, formatDetails, shortHash } from '../lib/format';

const PAGE_SIZE = 50;

export function AdminAuditPage() {
  usePageTitle('Audit log');
  // cursors[i] is the `before` value used to fetch page i (undefined = newest).
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [verify, setVerify] = useState<AuditVerifyResult | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [verifyProblem, setVerifyProblem] = useState<ProblemError | null>(null);
  const [emails, setEmails] = useState<Map<string, string>>(new Map());
  const pageIndex = cursors.length - 1;

  // Actors are user ids; show emails where we can (best-effort).
  useEffect(() => {
    api
      .get<AdminUser[]>('/api/admin/users')
      .then((users) => setEmails(new Map(users.map((u) => [u.id, u.email]))))
      .catch(() => {});
  }, []);
  const before = cursors[pageIndex];

  const load = useCallback(async (cursor: number | undefined) => {
    setLoading(true);
    setProblem(null);
    try {
      const qs = new URLSearchParams({ limit: String(PAGE_SIZE) });
      if (cursor !== undefined) qs.set('before', String(cursor));
      setPage(await api.get<AuditPage>(`/api/admin/audit?${qs}`));
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void load(before);
  }, [load, before]);

  const runVerify = async () => {
    setVerifying(true);
    setVerify(null);
    setVerifyProblem(null);
    try {
      setVerify(await api.post<AuditVerifyResult>('/api/admin/audit/verify'));
    } catch (err) {
      setVerifyProblem(toProblem(err));
    } finally {
      setVerifying(false);
    }
  };

  const items = page?.items ?? [];
  const first = items[0]?.seq;
  const last = items[items.length - 1]?.seq;

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Audit log</h1>
          <p className="muted">A tamper-evident, hash-chained record of security-relevant actions. Newest first.</p>
        </div>
        <button type="button" className="btn btn--primary" onClick={runVerify} disabled={verifying}>
          {verifying ? 'Verifying…' : 'Verify chain'}
        </button>
      </div>

      <div aria-live="polite" className="status-region">
        {verifying && <Spinner label="Verifying the audit chain…" />}
        {verify &&
          (verify.ok ? (
            <div className="verify verify--ok" role="status" data-testid="verify-result">
              <strong>Chain OK</strong>
              <span>
                All {verify.count.toLocaleString()} entries verified. Head hash <code title={verify.headHash ?? ''}>{shortHash(verify.headHash, 16, 8)}</code>
              </span>
            </div>
          ) : (
            <div className="verify verify--bad" role="alert" data-testid="verify-result">
              <strong>Chain broken</strong>
              <span>
                {verify.firstBadSeq !== null ? `First bad entry: #${verify.firstBadSeq}. ` : ''}
                {verify.reason ?? 'The audit chain failed verification.'} ({verify.count.toLocaleString()} entries checked)
              </span>
            </div>
          ))}
      </div>
      <ProblemAlert problem={verifyProblem} />

      <section className="panel" aria-labelledby="audit-h" aria-busy={loading}>
        <div className="panel__head">
          <h2 id="audit-h">Entries</h2>
          <span className="muted small">{items.length > 0 ? `#${first} – #${last} · page ${pageIndex + 1}` : ''}</span>
        </div>
        {problem ? (
          <>
            <ProblemAlert problem={problem} />
            <button type="button" className="btn" onClick={() => void load(before)}>
              Try again
            </button>
          </>
        ) : !page && loading ? (
          <div className="loading-block">
            <Spinner label="Loading audit log…" />
          </div>
        ) : items.length === 0 ? (
          <EmptyState title="No audit entries" />
        ) : (
          <div className="table-wrap">
            <table className="table table--dense">
              <caption className="visually-hidden">Audit log entries, page {pageIndex + 1}</caption>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Time</th>
                  <th scope="col">Actor</th>
                  <th scope="col">Action</th>
                  <th scope="col">Target</th>
                  <th scope="col">Details</th>
                  <th scope="col">IP</th>
                  <th scope="col">Hash</th>
                </tr>
              </thead>
              <tbody>
                {items.map((e) => {
                  const details = formatDetails(e.details);
                  return (
                    <tr key={e.seq}>
                      <td className="mono">{e.seq}</td>
                      <td className="nowrap">{formatDateTime(e.at)}</td>
                      <td>
                        <div className="trunc trunc--md" title={e.actor || 'system'}>
                          {e.actor ? (emails.get(e.actor) ?? e.actor) : <span className="muted">system</span>}
                        </div>
                      </td>
                      <td>
                        <code className="action">{e.action}</code>
                      </td>
                      <td>
                        <div className="trunc trunc--md mono" title={e.target ?? ''}>
                          {e.target || '—'}
                        </div>
                      </td>
                      <td>
                        <div className="trunc trunc--lg mono details" title={details}>
                          {details || '—'}
                        </div>
                      </td>
                      <td className="mono nowrap">{e.ip || '—'}</td>
                      <td className="mono nowrap" title={`${e.hash}${e.keyId ? ` (key ${e.keyId})` : ''}`}>
                        {shortHash(e.hash, 8, 4)}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <nav className="pager" aria-label="Audit log pages">
          <button type="button" className="btn btn--sm" disabled={pageIndex === 0 || loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
            ← Newer
          </button>
          <span className="muted small">Page {pageIndex + 1}</span>
          <button
            type="button"
            className="btn btn--sm"
            disabled={loading || page?.nextBefore == null}
            onClick={() => page?.nextBefore != null && setCursors((c) => [...c, page.nextBefore as number])}
          >
            Older →
          </button>
        </nav>
      </section>
    </div>
  );
}
