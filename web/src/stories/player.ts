/**
 * The scene player's loader setup: hls.js fetches playlists and parts with XMLHttpRequest, and `xhrSetup` puts the
 * bearer token in the Authorization header of each request (never in a URL, docs/stories.md "Endpoints"). Only
 * requests to this origin get the token: a stitched playlist keeps absolute URIs as they are, and a token must not
 * leave for another host.
 */
export type TokenSource = (minValidityMs: number) => Promise<string | null>;

/** A token valid for this long covers a part's download even on a slow link. */
const MIN_TOKEN_VALIDITY_MS = 30_000;

export function isSameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url, origin).origin === origin;
  } catch {
    return false;
  }
}

/** The xhrSetup hook for hls.js: opens the request (hls.js opens it only when the hook did not) and sets the header. */
export function authXhrSetup(token: TokenSource, origin: string) {
  return async (xhr: Pick<XMLHttpRequest, 'readyState' | 'open' | 'setRequestHeader'>, url: string): Promise<void> => {
    const bearer = isSameOrigin(url, origin) ? await token(MIN_TOKEN_VALIDITY_MS) : null;
    if (xhr.readyState === 0) xhr.open('GET', url, true);
    if (bearer) xhr.setRequestHeader('Authorization', `Bearer ${bearer}`);
  };
}
