import { useCallback, useEffect, useRef, useState, type FormEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../api/client';
import { forgeApi, type WorldView } from '../api/forge';
import { toProblem, type ProblemError } from '../api/problem';
import type { Project } from '../api/types';
import { Badge, EmptyState, Field, ProblemAlert, Spinner, usePageTitle } from '../components/ui';
import { formatDateTime } from '../lib/format';
import { CLASSES, realmsApi, type CharacterView, type RealmPreset, type RealmView, type RealmVisibility } from '../realms/api';
import { createRealmCodec } from '../realms/codec';
import { RealmGame, type GameView, type LogLine } from '../realms/game';
import { bindKeyboard, CONSOLE_KEY } from '../realms/input';
import { realmSocketUrl, SocketRealmLink } from '../realms/link';
import { drawFrame, followCamera, pick, skillBarLayout, slotAt, toZone, type Camera } from '../realms/render';
import { terrainCanvas, type ZoneLayers } from '../realms/terrain';
import { EntityActivity, EntityKind, SUB_TILES_PER_TILE, type EntityState } from '../realms/types';

const PRESET_LABEL: Record<RealmPreset, string> = { world: 'World', 'test-area': 'Test Area' };

/** Realms: the caller's realms, a form for a new one, and a realm's characters with a way into the game. */
export function RealmsPage() {
  usePageTitle('Realms');
  const [realms, setRealms] = useState<RealmView[] | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);

  const load = useCallback(async () => {
    try {
      setRealms(await realmsApi.list());
      setProblem(null);
    } catch (err) {
      setProblem(toProblem(err));
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <h1>Realms</h1>
          <p className="muted">
            Action-RPG zones on Forge worlds. Create a Test Area to try the Mage against the local wildlife, or join someone&apos;s public realm.
          </p>
        </div>
      </div>
      <div className="layout-2col">
        <section className="panel" aria-labelledby="new-realm-h">
          <h2 id="new-realm-h">New realm</h2>
          <CreateRealmForm onCreated={(r) => setRealms((list) => [r, ...(list ?? [])])} />
        </section>
        <section className="panel panel--list" aria-labelledby="realm-list-h">
          <h2 id="realm-list-h">Your realms and public ones</h2>
          {problem ? (
            <>
              <ProblemAlert problem={problem} />
              <button type="button" className="btn" onClick={load}>
                Try again
              </button>
            </>
          ) : realms === null ? (
            <div className="loading-block">
              <Spinner label="Loading realms…" />
            </div>
          ) : realms.length === 0 ? (
            <EmptyState title="No realms yet">
              <p>Create one from a generated world with the form.</p>
            </EmptyState>
          ) : (
            <ul className="realm-list" aria-label="Realms">
              {realms.map((r) => (
                <li key={r.id} className="realm-list__item">
                  <div>
                    <Link to={`/realms/${r.id}`} className="cell-strong">
                      {r.name}
                    </Link>{' '}
                    <Badge tone={r.preset === 'test-area' ? 'warning' : 'info'}>{PRESET_LABEL[r.preset] ?? r.preset}</Badge>{' '}
                    <Badge tone={r.mine ? 'success' : 'neutral'}>{r.mine ? (r.visibility === 'public' ? 'Yours · public' : 'Yours · private') : 'Public'}</Badge>
                  </div>
                  <div className="cell-sub">
                    {r.columns} × {r.rows} zones · created {formatDateTime(r.createdAt)}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function CreateRealmForm({ onCreated }: { onCreated: (r: RealmView) => void }) {
  const [projects, setProjects] = useState<Project[] | null>(null);
  const [projectId, setProjectId] = useState('');
  const [worlds, setWorlds] = useState<WorldView[] | null>(null);
  const [worldId, setWorldId] = useState('');
  const [name, setName] = useState('');
  const [preset, setPreset] = useState<RealmPreset>('test-area');
  // Empty: the server's default for the kind (public for a Test Area, private for a World).
  const [visibility, setVisibility] = useState<RealmVisibility | ''>('');
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.get<Project[]>('/api/projects').then(
      (list) => {
        setProjects(list);
        if (list[0]) setProjectId(list[0].id);
      },
      (err) => setProblem(toProblem(err)),
    );
  }, []);

  useEffect(() => {
    if (!projectId) return;
    setWorlds(null);
    forgeApi.listWorlds(projectId).then(
      (list) => {
        const ready = list.filter((w) => w.status === 'ready');
        setWorlds(ready);
        setWorldId(ready[0]?.id ?? '');
      },
      (err) => setProblem(toProblem(err)),
    );
  }, [projectId]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const realm = await realmsApi.create({ worldId, name: name.trim(), preset, ...(visibility ? { visibility } : {}) });
      onCreated(realm);
      setName('');
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Create realm">
      <ProblemAlert problem={problem} knownFields={['name', 'worldId', 'preset', 'visibility']} />
      <div className="field">
        <label htmlFor="realm-project">Project</label>
        <select id="realm-project" className="select select--block" value={projectId} onChange={(e) => setProjectId(e.target.value)} disabled={!projects?.length}>
          {(projects ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${problem?.forField('worldId').length ? ' field--invalid' : ''}`}>
        <label htmlFor="realm-world">World</label>
        <select id="realm-world" className="select select--block" value={worldId} onChange={(e) => setWorldId(e.target.value)} disabled={!worlds?.length}>
          {(worlds ?? []).map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
        {worlds && worlds.length === 0 && <p className="field__hint">This project has no generated world yet.</p>}
        {problem?.forField('worldId').map((m, i) => (
          <p key={i} className="error-text">
            {m}
          </p>
        ))}
      </div>
      <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} errors={problem?.forField('name')} maxLength={100} required />
      <div className="field">
        <label htmlFor="realm-preset">Kind</label>
        <select id="realm-preset" className="select select--block" value={preset} onChange={(e) => setPreset(e.target.value as RealmPreset)}>
          <option value="test-area">Test Area (dev console for you)</option>
          <option value="world">World</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="realm-visibility">Who may play</label>
        <select id="realm-visibility" className="select select--block" value={visibility} onChange={(e) => setVisibility(e.target.value as RealmVisibility | '')}>
          <option value="">{preset === 'test-area' ? 'Everyone (default for a Test Area)' : 'Only you (default for a World)'}</option>
          <option value="public">Everyone signed in</option>
          <option value="private">Only you</option>
        </select>
      </div>
      <button type="submit" className="btn btn--primary" disabled={busy || !worldId}>
        {busy ? 'Creating…' : 'Create realm'}
      </button>
    </form>
  );
}

/** One realm: its zones and the caller's characters there, with "Play". */
export function RealmPage() {
  const { id = '' } = useParams();
  const [realm, setRealm] = useState<RealmView | null>(null);
  const [characters, setCharacters] = useState<CharacterView[] | null>(null);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  usePageTitle(realm?.name ?? 'Realm');

  useEffect(() => {
    setRealm(null);
    setCharacters(null);
    Promise.all([realmsApi.get(id), realmsApi.characters(id)]).then(
      ([r, c]) => {
        setRealm(r);
        setCharacters(c);
      },
      (err) => setProblem(toProblem(err)),
    );
  }, [id]);

  return (
    <div className="page">
      <div className="page-head">
        <div>
          <Link to="/realms" className="back-link">
            ← Realms
          </Link>
          <h1>{realm?.name ?? 'Realm'}</h1>
          {realm && (
            <p className="muted">
              {PRESET_LABEL[realm.preset] ?? realm.preset} · {realm.columns} × {realm.rows} zones ·{' '}
              {(realm.zones ?? []).reduce((n, z) => n + z.players, 0)} playing
            </p>
          )}
        </div>
      </div>
      <ProblemAlert problem={problem} />
      <div className="layout-2col">
        <section className="panel" aria-labelledby="new-char-h">
          <h2 id="new-char-h">New character</h2>
          <CreateCharacterForm realmId={id} onCreated={(c) => setCharacters((list) => [...(list ?? []), c])} />
        </section>
        <section className="panel panel--list" aria-labelledby="chars-h">
          <h2 id="chars-h">Your characters</h2>
          {characters === null ? (
            problem ? null : (
              <div className="loading-block">
                <Spinner label="Loading characters…" />
              </div>
            )
          ) : characters.length === 0 ? (
            <EmptyState title="No characters yet">
              <p>Create one with the form to enter the realm.</p>
            </EmptyState>
          ) : (
            <ul className="realm-list" aria-label="Characters">
              {characters.map((c) => (
                <li key={c.id} className="realm-list__item">
                  <div>
                    <span className="cell-strong">{c.name}</span> <Badge>{c.class}</Badge>
                  </div>
                  <div className="cell-sub">
                    Zone {c.zoneX},{c.zoneY}
                    {c.hp !== null ? ` · ${c.hp} HP` : ''}
                  </div>
                  <Link className="btn btn--primary btn--sm" to={`/realms/${id}/play/${c.id}`}>
                    Play
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}

function CreateCharacterForm({ realmId, onCreated }: { realmId: string; onCreated: (c: CharacterView) => void }) {
  const [name, setName] = useState('');
  const [cls, setCls] = useState<string>(CLASSES[0]);
  const [problem, setProblem] = useState<ProblemError | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      onCreated(await realmsApi.createCharacter(realmId, { name: name.trim(), class: cls }));
      setName('');
    } catch (err) {
      setProblem(toProblem(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Create character">
      <ProblemAlert problem={problem} knownFields={['name', 'class']} />
      <Field label="Name" name="name" value={name} onChange={(e) => setName(e.target.value)} errors={problem?.forField('name')} maxLength={24} required />
      <div className="field">
        <label htmlFor="char-class">Class</label>
        <select id="char-class" className="select select--block" value={cls} onChange={(e) => setCls(e.target.value)}>
          {CLASSES.map((c) => (
            <option key={c} value={c}>
              {c[0].toUpperCase() + c.slice(1)}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="btn btn--primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create character'}
      </button>
    </form>
  );
}

/** Pixels per tile on screen. */
const TILE_PX = 32;

/** The game: the canvas, the console and the connection status. */
export function RealmPlayPage() {
  const { id = '', characterId = '' } = useParams();
  const navigate = useNavigate();
  usePageTitle('Realm');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const consoleRef = useRef<HTMLInputElement>(null);
  const [game, setGame] = useState<RealmGame | null>(null);
  const [, setVersion] = useState(0);
  const [consoleOpen, setConsoleOpen] = useState(false);
  const [line, setLine] = useState('');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const link = new SocketRealmLink({
      url: realmSocketUrl(),
      token: (ms) => api.accessTokenFor(ms),
      codec: createRealmCodec,
    });
    const g = new RealmGame({ link, loadZone: (x, y) => realmsApi.zoneMap(id, x, y) });
    const off = g.subscribe(() => setVersion((v) => v + 1));
    g.start(characterId);
    setGame(g);
    return () => {
      off();
      g.stop();
    };
  }, [id, characterId, attempt]);

  // Keyboard: movement and skills to the game, ~ toggles the console.
  useEffect(() => {
    if (!game) return;
    return bindKeyboard(window, game.input, (effect) => {
      if (effect?.type === 'target') game.targetNext();
      if (effect?.type === 'console') {
        setConsoleOpen(effect.open);
        if (effect.open) requestAnimationFrame(() => consoleRef.current?.focus());
        else consoleRef.current?.blur();
      }
    });
  }, [game]);

  // Leaving the page stops the character: frames (and inputs) pause while it is hidden.
  useEffect(() => {
    if (!game) return;
    const halt = () => game.halt();
    const hidden = () => {
      if (document.hidden) game.halt();
    };
    window.addEventListener('blur', halt);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('blur', halt);
      document.removeEventListener('visibilitychange', hidden);
    };
  }, [game]);

  // The frame loop: inputs at 20 Hz, a picture per animation frame.
  const camera = useRef<Camera | null>(null);
  const lastView = useRef<GameView | null>(null);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!game || !canvas) return;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    let terrainFor: ZoneLayers | null = null;
    let terrain: HTMLCanvasElement | null = null;
    let frame = 0;
    const loop = (now: number) => {
      frame = requestAnimationFrame(loop);
      const dpr = window.devicePixelRatio || 1;
      const w = canvas.clientWidth;
      const h = canvas.clientHeight;
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      game.update(now);
      const v = game.view(now);
      lastView.current = v;
      if (v.layers !== terrainFor) {
        terrainFor = v.layers;
        terrain = v.layers ? terrainCanvas(v.layers) : null;
      }
      const zoneTiles = v.layers ? { width: v.layers.width, height: v.layers.height } : { width: 0, height: 0 };
      const focus = v.self ?? { x: (zoneTiles.width * SUB_TILES_PER_TILE) / 2, y: (zoneTiles.height * SUB_TILES_PER_TILE) / 2 };
      const cam = followCamera({ width: w, height: h }, zoneTiles, focus, TILE_PX);
      camera.current = cam;
      const hover = game.input.hover;
      if (hover) game.input.hover = { point: hover.point, entity: pick(v.entities, hover.point, 64, v.self?.id ?? 0) };
      drawFrame({
        ctx,
        view: { width: w, height: h },
        camera: cam,
        terrain,
        zoneTiles,
        spawns: v.layers?.spawns,
        entities: v.entities,
        self: v.self,
        own: v.own,
        target: game.input.target,
        hover: game.input.hover?.entity ?? 0,
        spans: game.spans,
        numbers: game.numbers.live(now),
        numberLifeMs: game.numbers.lifeMs,
        skills: game.rules.skills,
        ticksPerSecond: game.welcome?.ticksPerSecond ?? 20,
      });
    };
    frame = requestAnimationFrame(loop);
    return () => cancelAnimationFrame(frame);
  }, [game]);

  const pointer = (e: ReactMouseEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top, width: rect.width, height: rect.height };
  };
  const onMove = (e: ReactMouseEvent<HTMLCanvasElement>) => {
    const cam = camera.current;
    if (!game || !cam) return;
    const p = pointer(e);
    // The frame loop fills in the entity under the point with the positions it draws.
    game.input.hover = { point: toZone(cam, p), entity: game.input.hover?.entity ?? 0 };
  };
  const onClick = (e: ReactMouseEvent<HTMLCanvasElement>) => {
    const cam = camera.current;
    if (!game || !cam) return;
    const p = pointer(e);
    const slot = slotAt(skillBarLayout({ width: p.width, height: p.height }, game.rules.skills.length), p);
    if (slot) {
      game.input.cast(slot);
      return;
    }
    const point = toZone(cam, p);
    const v = lastView.current;
    game.input.click({ point, entity: v ? pick(v.entities, point, 64, v.self?.id ?? 0) : 0 });
  };

  const submitConsole = (e: FormEvent) => {
    e.preventDefault();
    game?.sendConsole(line);
    setLine('');
  };

  const status = game?.status ?? 'idle';
  return (
    <div className="page page--wide realm-play">
      <div className="realm-play__bar">
        <button type="button" className="link-btn" onClick={() => navigate(`/realms/${id}`)}>
          ← Leave
        </button>
        <span className="muted" role="status" data-testid="realm-status">
          {status === 'connecting'
            ? 'Connecting…'
            : status === 'playing'
              ? `Zone ${game?.zone?.x ?? '?'},${game?.zone?.y ?? '?'}${game?.rttMs != null ? ` · ${game.rttMs} ms` : ''}`
              : status === 'closed'
                ? 'Disconnected'
                : ''}
        </span>
        {status === 'closed' && (
          <button type="button" className="btn btn--sm" onClick={() => setAttempt((a) => a + 1)}>
            Reconnect
          </button>
        )}
        <span className="muted realm-play__help">WASD or arrows to walk · click a target or Tab · 1/2/3 to cast · ~ for the console</span>
      </div>
      <div className="realm-play__stage">
        <canvas ref={canvasRef} className="realm-play__canvas" data-testid="realm-canvas" onMouseMove={onMove} onClick={onClick} onContextMenu={(e) => e.preventDefault()} />
        {game && <Hud game={game} />}
        <ConsoleLog lines={game?.log ?? []} open={consoleOpen} />
        {consoleOpen && (
          <form className="realm-console" onSubmit={submitConsole}>
            <input
              ref={consoleRef}
              aria-label="Console command"
              value={line}
              placeholder="/spawn wolf 3 · /heal · /god · /tp 10 10 · /killall"
              onChange={(e) => setLine(e.target.value.replace(/`/g, ''))}
              onKeyDown={(e) => {
                if (e.code === CONSOLE_KEY) e.preventDefault();
                if (e.key === 'Escape' && game) {
                  game.input.keyDown(CONSOLE_KEY);
                  setConsoleOpen(false);
                  e.currentTarget.blur();
                }
              }}
            />
          </form>
        )}
      </div>
    </div>
  );
}

/** How often the HUD reads the game (it changes every tick; the canvas shows the motion, the HUD the numbers). */
const HUD_MS = 100;

/**
 * The numbers beside the canvas: the own HP and mana, the target's HP, and who is in view. Text the screen reader (and
 * the browser test) can read, where the canvas only has pixels.
 */
function Hud({ game }: { game: RealmGame }) {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((t) => t + 1), HUD_MS);
    return () => window.clearInterval(timer);
  }, []);
  const own = game.own;
  const visible = game.visible;
  const self = own ? visible.find((e) => e.id === own.entityId) : undefined;
  const target = game.input.target ? visible.find((e) => e.id === game.input.target) : undefined;
  const players = visible.filter((e) => e.kind === EntityKind.Player && e.id !== own?.entityId).length;
  const enemies = visible.filter((e) => e.kind === EntityKind.Enemy && e.activity !== EntityActivity.Dead).length;
  return (
    <div className="realm-hud" aria-label="Status">
      {self && (
        <div className="realm-hud__row" data-testid="realm-self" data-hp={self.hp} data-max-hp={self.maxHp} data-x={self.x} data-y={self.y}>
          You: {self.hp}/{self.maxHp} HP · {self.mana}/{self.maxMana} mana{own && own.respawnTicks > 0 ? ' · dead' : ''}
        </div>
      )}
      {target && (
        <div className="realm-hud__row" data-testid="realm-target" data-id={target.id} data-hp={target.hp} data-max-hp={target.maxHp}>
          Target: {describe(target)} · {target.hp}/{target.maxHp} HP
        </div>
      )}
      <div className="realm-hud__row" data-testid="realm-nearby" data-players={players} data-enemies={enemies}>
        In view: {players} other {players === 1 ? 'player' : 'players'} · {enemies} {enemies === 1 ? 'enemy' : 'enemies'}
      </div>
    </div>
  );
}

function describe(e: EntityState): string {
  const kind = e.kind === EntityKind.Enemy ? 'enemy' : e.kind === EntityKind.Player ? 'player' : 'entity';
  return `${kind} #${e.id}${e.activity === EntityActivity.Dead ? ' (dead)' : ''}`;
}

function ConsoleLog({ lines, open }: { lines: LogLine[]; open: boolean }) {
  const shown = open ? lines.slice(-12) : lines.slice(-4);
  if (shown.length === 0) return null;
  return (
    <ol className={`realm-log${open ? ' realm-log--open' : ''}`} aria-live="polite" aria-label="Console">
      {shown.map((l, i) => (
        <li key={lines.length - shown.length + i} className={`realm-log__line realm-log__line--${l.kind}`}>
          {l.kind === 'command' ? '> ' : ''}
          {l.text}
        </li>
      ))}
    </ol>
  );
}
