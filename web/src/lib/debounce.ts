export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Drop a pending call. */
  cancel(): void;
  /** Run a pending call now. */
  flush(): void;
  readonly pending: boolean;
}

export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * Trailing-edge debounce: `fn` runs `ms` after the last call, with that call's arguments. The live editor uses it so
 * a slider drag sends one preview request when the hand rests, not one per pixel.
 */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number, timers: Timers = realTimers): Debounced<A> {
  let handle: unknown = null;
  let lastArgs: A | null = null;
  const run = () => {
    handle = null;
    const args = lastArgs;
    lastArgs = null;
    if (args) fn(...args);
  };
  const d = ((...args: A) => {
    lastArgs = args;
    if (handle !== null) timers.clear(handle);
    handle = timers.set(run, ms);
  }) as Debounced<A>;
  d.cancel = () => {
    if (handle !== null) timers.clear(handle);
    handle = null;
    lastArgs = null;
  };
  d.flush = () => {
    if (handle === null) return;
    timers.clear(handle);
    run();
  };
  Object.defineProperty(d, 'pending', { get: () => handle !== null });
  return d;
}
