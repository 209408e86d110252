import { useEffect, useId, type ComponentProps, type ReactNode, type SelectHTMLAttributes } from 'react';
import type { ProblemError } from '../api/problem';

export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Worldloom` : 'Worldloom';
  }, [title]);
}

type FieldProps = Omit<ComponentProps<'input'>, 'id'> & {
  label: string;
  name: string;
  hint?: ReactNode;
  errors?: string[];
};

/** Labelled input with hint and per-field error messages wired up via aria-describedby. */
export function Field({ label, name, hint, errors = [], className, ...input }: FieldProps) {
  const id = `f-${useId()}-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errId = errors.length ? `${id}-err` : undefined;
  const describedBy = [hintId, errId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${errors.length ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} aria-invalid={errors.length ? true : undefined} aria-describedby={describedBy} {...input} />
      {hint && (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {errors.length > 0 && (
        <ul className="field__errors" id={errId} data-field-errors={name}>
          {errors.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> & {
  options: readonly string[];
  labelFor?: (v: string) => string;
};

export function Select({ options, labelFor = (v) => v, ...rest }: SelectProps) {
  return (
    <select {...rest}>
      {options.map((o) => (
        <option key={o} value={o}>
          {labelFor(o)}
        </option>
      ))}
    </select>
  );
}

/**
 * Live region for a problem-details error. Shows `detail` (or `title`) and any field errors that
 * the form does not render next to a field.
 */
export function ProblemAlert({ problem, knownFields = [], className }: { problem: ProblemError | null; knownFields?: string[]; className?: string }) {
  const extra = problem
    ? Object.entries(problem.fieldErrors).filter(([k]) => !knownFields.includes(k)).flatMap(([, msgs]) => msgs)
    : [];
  return (
    <div aria-live="assertive" className={`live${className ? ` ${className}` : ''}`}>
      {problem && (
        <div className="alert alert--error" role="alert">
          <AlertIcon />
          <div>
            <p className="alert__title">{problem.summary}</p>
            {extra.length > 0 && (
              <ul className="alert__list">
                {extra.map((m, i) => (
                  <li key={i}>{m}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

export function Notice({ children, tone = 'info', onDismiss }: { children: ReactNode; tone?: 'info' | 'success' | 'warning'; onDismiss?: () => void }) {
  return (
    <div className={`alert alert--${tone}`} role="status">
      {tone === 'success' ? <CheckIcon /> : <InfoIcon />}
      <div className="alert__body">{children}</div>
      {onDismiss && (
        <button type="button" className="icon-btn" onClick={onDismiss} aria-label="Dismiss">
          ×
        </button>
      )}
    </div>
  );
}

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <span className="spinner-wrap" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}

export function Badge({ children, tone = 'neutral', title }: { children: ReactNode; tone?: string; title?: string }) {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {children}
    </span>
  );
}

export function ProgressBar({ value, label, tone = 'running' }: { value: number; label: string; tone?: string }) {
  const v = Math.max(0, Math.min(100, Math.round(Number.isFinite(value) ? value : 0)));
  return (
    <div className={`progress progress--${tone}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={v} aria-valuetext={`${v}%`}>
      <div className="progress__fill" style={{ width: `${v}%` }} />
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty">
      <svg className="empty__art" viewBox="0 0 64 64" aria-hidden="true">
        <path d="M10 22c14 0 30 20 44 20" />
        <path d="M10 42c14 0 30-20 44-20" />
        <path d="M10 32h44" />
      </svg>
      <p className="empty__title">{title}</p>
      {children && <div className="empty__body">{children}</div>}
    </div>
  );
}

function AlertIcon() {
  return (
    <svg className="alert__icon" viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M10 5.5v5.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="10" cy="14.2" r="1.1" fill="currentColor" />
    </svg>
  );
}

function InfoIcon() {
  return (
    <svg className="alert__icon" viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M10 9v5.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      <circle cx="10" cy="5.8" r="1.1" fill="currentColor" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg className="alert__icon" viewBox="0 0 20 20" aria-hidden="true">
      <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <path d="M6 10.5l2.6 2.6L14 7.6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="#232b4a" />
      <g fill="none" strokeWidth="2.4" strokeLinecap="round">
        <path d="M7 10c6 0 12 12 18 12" stroke="#8b9cff" />
        <path d="M7 22c6 0 12-12 18-12" stroke="#5fd3b5" />
        <path d="M7 16h18" stroke="#f3c96b" />
      </g>
    </svg>
  );
}
