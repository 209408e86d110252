/**
 * How a user is named in chat. The API has no user lookup (display names are only in /api/me for oneself), so others
 * show as "User" and the end of their id — the end, since v7 ids of users made close together share their start.
 */
export function authorName(userId: string, me: string | null): string {
  if (me && userId === me) return 'You';
  return `User ${userId.replace(/-/g, '').slice(-6)}`;
}
