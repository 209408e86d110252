import { describe, expect, it, vi } from 'vitest';
import { ApiClient, type KeyValueStorage } from '../api/client';
import { ProblemError } from '../api/problem';
import { createStoriesApi, playlistPath, portraitPath, sceneQueryString, segmentMediaPath } from './api';

function memStorage(): KeyValueStorage {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

interface Seen {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

/** A client signed in as "a1" whose server answers each request with `answer`. */
async function clientWith(answer: (req: Seen) => Response) {
  const seen: Seen[] = [];
  const fetchImpl = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if (url === '/api/auth/login') return Response.json({ accessToken: 'a1', refreshToken: 'r1', expiresIn: 900 });
    const req = { method: init?.method ?? 'GET', url, headers: new Headers(init?.headers), body: init?.body ? JSON.parse(String(init.body)) : undefined };
    seen.push(req);
    return answer(req);
  });
  const client = new ApiClient({ fetch: fetchImpl as typeof fetch, storage: memStorage() });
  await client.login('a@b.c', 'pw');
  return { stories: createStoriesApi(client), seen };
}

const doc = { format: 'worldloom-bible/1', entities: [{ id: 'char_mira', name: 'Mira Vell' }], rules: [] };

describe('storiesApi', () => {
  it('lists scenes with only the filters that are set, and sends the bearer token', async () => {
    const { stories, seen } = await clientWith(() => Response.json([]));
    await stories.scenes({ topic: 'fantasy', mine: true, q: '  tower ', limit: 10 });
    await stories.scenes({ mine: false, q: '   ' });
    expect(seen.map((s) => s.url)).toEqual(['/api/stories/scenes?topic=fantasy&mine=true&q=tower&limit=10', '/api/stories/scenes']);
    expect(seen[0].headers.get('authorization')).toBe('Bearer a1');
  });

  it('creates a scene and continues it with the contract bodies', async () => {
    const { stories, seen } = await clientWith((req) =>
      req.url.endsWith('/segments') ? Response.json({ segmentId: 'g2', jobId: 'j2' }, { status: 202 }) : Response.json({ sceneId: 's1', segmentId: 'g1', jobId: 'j1' }, { status: 202 }),
    );
    expect(await stories.createScene({ title: 'Tower', prompt: 'Mira climbs.', topicId: 't1' })).toEqual({ sceneId: 's1', segmentId: 'g1', jobId: 'j1' });
    expect(await stories.continueScene('s/1', 'She rings the bell.')).toEqual({ segmentId: 'g2', jobId: 'j2' });
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/api/stories/scenes', body: { title: 'Tower', prompt: 'Mira climbs.', topicId: 't1' } });
    expect(seen[1]).toMatchObject({ method: 'POST', url: '/api/stories/scenes/s%2F1/segments', body: { prompt: 'She rings the bell.' } });
  });

  it('reads the bible with its ETag and sends the next correction with If-Match on it', async () => {
    const { stories, seen } = await clientWith((req) => new Response(JSON.stringify(doc), { status: 200, headers: { 'content-type': 'application/json', etag: req.method === 'GET' ? '"3"' : '"4"' } }));
    const read = await stories.bible('s1');
    expect(read).toEqual({ bible: doc, etag: '"3"' });
    const edit = { kind: 'put_rule' as const, rule: { id: 'cloak', text: 'char_mira always wears red cloak' } };
    const written = await stories.correctBible('s1', edit, 4, read.etag);
    expect(written.etag).toBe('"4"');
    expect(seen[1]).toMatchObject({ method: 'PUT', url: '/api/stories/scenes/s1/bible', body: { edit, fromSegment: 4 } });
    expect(seen[1].headers.get('if-match')).toBe('"3"');
    // No fromSegment: the server's default (the next segment); no ETag: no If-Match.
    await stories.correctBible('s1', edit, null, null);
    expect(seen[2].body).toEqual({ edit });
    expect(seen[2].headers.has('if-match')).toBe(false);
  });

  it('keeps the paths of a refused correction so the editor can put them beside the fields', async () => {
    const { stories } = await clientWith(() =>
      Response.json(
        { title: 'The correction was refused.', status: 422, errors: { 'entities.char_mira.clothing[0].colour': ['"blue" contradicts rule cloak.'], 'edit.entity.name': ['must be 1 to 80 characters, not blank.'] } },
        { status: 422, headers: { 'content-type': 'application/problem+json' } },
      ),
    );
    const err = await stories.correctBible('s1', { kind: 'remove_entity', id: 'char_x' }, 2, '"1"').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProblemError);
    const p = err as ProblemError;
    expect(p.status).toBe(422);
    expect(p.pathErrors['entities.char_mira.clothing[0].colour']).toEqual(['"blue" contradicts rule cloak.']);
    expect(p.pathErrors['edit.entity.name']).toHaveLength(1);
  });

  it('forks with a trimmed title or none, reports, and resolves reports', async () => {
    const { stories, seen } = await clientWith(() => Response.json({ sceneId: 'f1' }, { status: 201 }));
    await stories.fork('s1', 2, '  Other way ');
    await stories.fork('s1', 1, '   ');
    await stories.report({ sceneId: 's1', segmentId: 'g1', reason: 'spam' });
    await stories.resolveReport('r1', 'ban', '');
    expect(seen.map((s) => [s.url, s.body])).toEqual([
      ['/api/stories/scenes/s1/fork', { atSegment: 2, title: 'Other way' }],
      ['/api/stories/scenes/s1/fork', { atSegment: 1 }],
      ['/api/stories/reports', { sceneId: 's1', segmentId: 'g1', reason: 'spam' }],
      ['/api/admin/stories/reports/r1/resolve', { action: 'ban' }],
    ]);
  });

  it('builds media paths under the API, with ids escaped and no token', () => {
    expect(playlistPath('s1')).toBe('/api/stories/scenes/s1/playlist.m3u8');
    expect(segmentMediaPath('g 1', 'poster.png')).toBe('/api/stories/segments/g%201/media/poster.png');
    expect(portraitPath('s1', 'char_mira', 3)).toBe('/api/stories/scenes/s1/bible/entities/char_mira/portrait.png?v=3');
    expect(sceneQueryString({})).toBe('');
  });
});
