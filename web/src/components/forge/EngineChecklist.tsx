import type { ExportEngines } from '../../api/exports';
import { capitalize } from '../../lib/format';

interface Props {
  engines: ExportEngines;
  selected: string[];
  onChange(next: string[]): void;
}

/** The nine engines as checkboxes, with Select all / Clear; engines the tier does not unlock are shown locked. */
export function EngineChecklist({ engines, selected, onChange }: Props) {
  const unlocked = engines.engines.filter((e) => e.unlocked).map((e) => e.name);
  const locked = engines.engines.filter((e) => !e.unlocked);
  const toggle = (name: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(name);
    else next.delete(name);
    // Keep the server's order, so the summary reads the same way as the bundle.
    onChange(engines.engines.map((e) => e.name).filter((n) => next.has(n)));
  };

  return (
    <fieldset className="engine-picker">
      <legend className="engine-picker__legend">
        Engines
        <span className="btn-row btn-row--inline">
          <button type="button" className="btn btn--sm" onClick={() => onChange(unlocked)}>
            Select all
          </button>
          <button type="button" className="btn btn--sm" onClick={() => onChange([])}>
            Clear
          </button>
        </span>
      </legend>
      <ul className="engine-grid">
        {engines.engines.map((e) => (
          <li key={e.name} className={`engine${e.unlocked ? '' : ' engine--locked'}`}>
            <label>
              <input
                type="checkbox"
                checked={e.unlocked && selected.includes(e.name)}
                disabled={!e.unlocked}
                onChange={(ev) => toggle(e.name, ev.target.checked)}
                aria-describedby={e.unlocked ? undefined : 'engine-locked-hint'}
              />
              <span className="engine__title">{e.title}</span>
              {!e.unlocked && (
                <span className="engine__lock" title={`Needs the ${capitalize(engines.requiredTier)} tier`}>
                  <LockIcon />
                  <span className="badge badge--warning">{capitalize(engines.requiredTier)}</span>
                </span>
              )}
            </label>
          </li>
        ))}
      </ul>
      {locked.length > 0 && (
        <p className="hint-box" id="engine-locked-hint">
          Your {capitalize(engines.tier)} plan exports JSON. Upgrade to Pro or Lifetime to export to {locked.map((e) => e.title).join(', ')}.
        </p>
      )}
    </fieldset>
  );
}

function LockIcon() {
  return (
    <svg className="engine__lock-icon" viewBox="0 0 16 16" aria-label="Locked" role="img">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
