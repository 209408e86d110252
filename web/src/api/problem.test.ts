import { describe, expect, it } from 'vitest';
import { normalizeFieldKey, problemFromBody, problemFromResponse, toProblem, ProblemError } from './problem';

describe('normalizeFieldKey', () => {
  it.each([
    ['Email', 'email'],
    ['email', 'email'],
    ['$.displayName', 'displayName'],
    ['request.Password', 'password'],
    ['Items[0]', 'items'],
    ['DisplayName', 'displayName'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeFieldKey(input)).toBe(expected);
  });
});

describe('problemFromBody', () => {
  it('reads RFC 9457 fields and per-field errors', () => {
    const p = problemFromBody(400, {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      detail: 'Password is too short.',
      errors: { Password: ['Must be at least 12 characters.'], email: 'Already taken.' },
    });
    expect(p).toBeInstanceOf(ProblemError);
    expect(p.status).toBe(400);
    expect(p.summary).toBe('Password is too short.');
    expect(p.forField('password')).toEqual(['Must be at least 12 characters.']);
    expect(p.forField('Email')).toEqual(['Already taken.']);
    expect(p.forField('displayName')).toEqual([]);
  });

  it('falls back to title, then to a status message', () => {
    expect(problemFromBody(409, { title: 'Conflict' }).summary).toBe('Conflict');
    expect(problemFromBody(429, null).summary).toMatch(/Too many requests/);
    expect(problemFromBody(418, undefined).summary).toBe('Request failed (418).');
  });

  it('ignores HTML bodies but keeps short plain-text ones', () => {
    expect(problemFromBody(502, '<html><body>Bad gateway</body></html>').summary).toBe('The server is unavailable.');
    expect(problemFromBody(400, 'Invalid refresh token').summary).toBe('Invalid refresh token');
  });

  it('merges keys that normalise to the same field', () => {
    const p = problemFromBody(400, { errors: { Email: ['a'], '$.email': ['b'] } });
    expect(p.forField('email')).toEqual(['a', 'b']);
  });
});

describe('problemFromResponse', () => {
  it('parses application/problem+json', async () => {
    const res = new Response(JSON.stringify({ title: 'Not found', status: 404, detail: 'No such project.' }), {
      status: 404,
      headers: { 'content-type': 'application/problem+json' },
    });
    const p = await problemFromResponse(res);
    expect(p.status).toBe(404);
    expect(p.detail).toBe('No such project.');
  });

  it('copes with an empty body', async () => {
    const p = await problemFromResponse(new Response(null, { status: 500 }));
    expect(p.summary).toBe('The server ran into a problem.');
  });
});

describe('toProblem', () => {
  it('maps fetch TypeErrors to a network problem', () => {
    expect(toProblem(new TypeError('Failed to fetch')).status).toBe(0);
    expect(toProblem(new TypeError('Failed to fetch')).summary).toMatch(/reach the server/);
  });
  it('passes ProblemErrors through', () => {
    const p = new ProblemError({ status: 403, title: 'Forbidden' });
    expect(toProblem(p)).toBe(p);
  });
});
