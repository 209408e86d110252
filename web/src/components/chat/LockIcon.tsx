/** A padlock for end-to-end encrypted rooms and messages; drawn, not an emoji, so it shows without an emoji font. */
export function LockIcon({ title = 'End-to-end encrypted' }: { title?: string }) {
  return (
    <svg className="chat-lock" role="img" aria-label="end-to-end encrypted" viewBox="0 0 16 16" width="0.9em" height="0.9em">
      <title>{title}</title>
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}
