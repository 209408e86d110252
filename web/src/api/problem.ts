/**
 * RFC 9457 problem details handling.
 */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: Record<string, string[] | string>;
  [key: string]: unknown;
}

export type FieldErrors = Record<string, string[]>;

export class ProblemError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | null;
  readonly type: string | null;
  readonly fieldErrors: FieldErrors;
  /**
   * The field errors under the keys the server sent (`entities.char_mira.clothing[0].colour`), for forms whose fields
   * are nested paths, where the last segment alone would be ambiguous.
   */
  readonly pathErrors: FieldErrors;
  /** Members beyond the standard ones (chat's `code`, `currentEpoch`, `missingDevices`…). */
  readonly extensions: Record<string, unknown>;

  constructor(init: {
    status: number;
    title: string;
    detail?: string | null;
    type?: string | null;
    fieldErrors?: FieldErrors;
    pathErrors?: FieldErrors;
    extensions?: Record<string, unknown>;
  }) {
    super(init.detail || init.title);
    this.name = 'ProblemError';
    this.status = init.status;
    this.title = init.title;
    this.detail = init.detail ?? null;
    this.type = init.type ?? null;
    this.fieldErrors = init.fieldErrors ?? {};
    this.pathErrors = init.pathErrors ?? {};
    this.extensions = init.extensions ?? {};
  }

  /** Human-facing sentence for a banner. */
  get summary(): string {
    return this.detail || this.title;
  }

  /** Messages for a form field (case-insensitive, tolerant of "$.field" / "Request.Field" keys). */
  forField(field: string): string[] {
    return this.fieldErrors[normalizeFieldKey(field)] ?? [];
  }
}

/**
 * ASP.NET may report field keys as "Email", "$.email", "request.Email" or "Items[0].Name".
 * Normalise to the camelCase property name of the last segment, e.g. "email".
 */
export function normalizeFieldKey(key: string): string {
  let k = key.trim();
  if (k.startsWith('$.')) k = k.slice(2);
  else if (k === '$') return '';
  const parts = k.split('.').filter(Boolean);
  const last = parts.length > 0 ? parts[parts.length - 1] : k;
  const base = last.replace(/\[\d+\]$/, '');
  return base.length > 0 ? base[0].toLowerCase() + base.slice(1) : base;
}

export function normalizeFieldErrors(raw: unknown): FieldErrors {
  return collectFieldErrors(raw, normalizeFieldKey);
}

/** The field errors with their keys as sent (trimmed, without a leading "$."). */
export function pathFieldErrors(raw: unknown): FieldErrors {
  return collectFieldErrors(raw, (key) => key.trim().replace(/^\$\./, ''));
}

function collectFieldErrors(raw: unknown, keyOf: (key: string) => string): FieldErrors {
  const out: FieldErrors = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const messages = Array.isArray(value)
      ? value.filter((m): m is string => typeof m === 'string' && m.length > 0)
      : typeof value === 'string' && value.length > 0
        ? [value]
        : [];
    if (messages.length === 0) continue;
    const k = keyOf(key);
    out[k] = [...(out[k] ?? []), ...messages];
  }
  return out;
}

const STATUS_TITLES: Record<number, string> = {
  400: 'The request was not valid.',
  401: 'You need to log in.',
  403: 'You do not have permission to do that.',
  404: 'Not found.',
  409: 'That conflicts with the current state.',
  413: 'The request is too large.',
  422: 'The request could not be processed.',
  429: 'Too many requests. Please wait a moment and try again.',
  500: 'The server ran into a problem.',
  502: 'The server is unavailable.',
  503: 'The service is temporarily unavailable.',
  504: 'The server took too long to respond.',
};

export function defaultTitle(status: number): string {
  return STATUS_TITLES[status] ?? `Request failed (${status}).`;
}

const STANDARD_MEMBERS = new Set(['type', 'title', 'status', 'detail', 'instance', 'errors']);

/** Build a ProblemError from a parsed body (may be anything) and HTTP status. */
export function problemFromBody(status: number, body: unknown): ProblemError {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const p = body as ProblemDetails;
    const title = typeof p.title === 'string' && p.title ? p.title : defaultTitle(status);
    const detail = typeof p.detail === 'string' && p.detail ? p.detail : null;
    return new ProblemError({
      status: typeof p.status === 'number' ? p.status : status,
      title,
      detail,
      type: typeof p.type === 'string' ? p.type : null,
      fieldErrors: normalizeFieldErrors(p.errors),
      pathErrors: pathFieldErrors(p.errors),
      extensions: Object.fromEntries(Object.entries(p).filter(([k]) => !STANDARD_MEMBERS.has(k))),
    });
  }
  if (typeof body === 'string' && body.trim() && body.length < 300 && !body.trimStart().startsWith('<')) {
    return new ProblemError({ status, title: defaultTitle(status), detail: body.trim() });
  }
  return new ProblemError({ status, title: defaultTitle(status) });
}

/** Read an error Response into a ProblemError (never throws). */
export async function problemFromResponse(res: Response): Promise<ProblemError> {
  let text = '';
  try {
    text = await res.text();
  } catch {
    /* ignore */
  }
  let body: unknown = text;
  const ct = res.headers.get('content-type') ?? '';
  if (text && (ct.includes('json') || /^\s*[{[]/.test(text))) {
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
  }
  return problemFromBody(res.status, body);
}

export function networkProblem(): ProblemError {
  return new ProblemError({
    status: 0,
    title: 'Could not reach the server.',
    detail: 'Could not reach the server. Check your connection and try again.',
  });
}

/** Convert any thrown value into a ProblemError for display. */
export function toProblem(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err;
  if (err instanceof TypeError) return networkProblem();
  const message = err instanceof Error ? err.message : String(err);
  return new ProblemError({ status: 0, title: 'Something went wrong.', detail: message || null });
}
