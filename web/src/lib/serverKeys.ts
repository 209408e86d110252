/** The key ids in this server's JWKS, or null when it cannot be reached (offline): the verify page works without them. */
export async function serverKeyIds(): Promise<Set<string> | null> {
  try {
    const res = await fetch('/.well-known/jwks.json', { headers: { Accept: 'application/json' } });
    if (!res.ok) return null;
    const jwks = (await res.json()) as { keys?: { kid?: unknown }[] };
    return new Set((jwks.keys ?? []).map((k) => k.kid).filter((k): k is string => typeof k === 'string'));
  } catch {
    return null;
  }
}
