/** Only allow same-origin, path-absolute redirects (no "//evil.com" or "/\\evil.com"). */
export function safeRedirect(from: unknown): string {
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/\\') ? from : '/';
}
