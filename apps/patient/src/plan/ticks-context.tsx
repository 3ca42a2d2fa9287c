import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { ApiRequestError, type ApiClient } from '../api/api-client';
import {
  isWorthRetrying,
  TickQueue,
  type QueuedTick,
  type QueueStorage,
  type TickBody,
} from './tick-queue';

/** Where a tick stands, as the page shows it. */
export type TickState = 'saved' | 'saving' | 'waiting';

interface TicksSnapshot {
  pending: readonly QueuedTick[];
  sending: string | null;
  /** Values the server confirmed during this visit, newer than anything loaded before them. */
  confirmed: ReadonlyMap<string, { body: TickBody; at: number }>;
  /** Plain messages for ticks the server refused; they stay until the next tick of that key. */
  refused: ReadonlyMap<string, string>;
}

interface TicksContextValue {
  snapshot: TicksSnapshot;
  save: (key: string, path: string, body: TickBody) => void;
}

const TicksContext = createContext<TicksContextValue | null>(null);

/** Sends one tick; only a refusal the server will repeat is final. */
async function sendTick(api: ApiClient, tick: QueuedTick) {
  try {
    await api.request<unknown>(tick.path, { method: 'PUT', body: tick.body });

    return { kind: 'saved' as const };
  } catch (error) {
    if (error instanceof ApiRequestError && !isWorthRetrying(error.status)) {
      return { kind: 'rejected' as const, message: error.message };
    }

    return { kind: 'retry' as const };
  }
}

/**
 * Keeps the signed-in patient's unsaved ticks, on this device, until the server has them: on every
 * page load, when the browser comes back online, and after a growing delay, it tries again.
 */
export function TicksProvider({
  api,
  userId,
  storage = window.localStorage,
  children,
}: {
  api: ApiClient;
  userId: string;
  storage?: QueueStorage;
  children: ReactNode;
}) {
  const [snapshot, setSnapshot] = useState<TicksSnapshot>({
    pending: [],
    sending: null,
    confirmed: new Map(),
    refused: new Map(),
  });

  const queue = useMemo(() => {
    const created: TickQueue = new TickQueue({
      storage,
      storageKey: `ivks.unsaved-ticks.${userId}`,
      now: () => Date.now(),
      send: (tick) => sendTick(api, tick),
      onEvent: (event) => {
        setSnapshot((current) => {
          const next = { ...current, pending: created.pending(), sending: created.sending() };
          if (event.kind === 'saved') {
            next.confirmed = new Map(current.confirmed).set(event.tick.key, {
              body: event.tick.body,
              at: event.at,
            });
          }
          if (event.kind === 'rejected') {
            next.refused = new Map(current.refused).set(event.tick.key, event.message);
          }

          return next;
        });
      },
    });

    return created;
  }, [api, userId, storage]);
  const flushRef = useRef<(force: boolean) => void>(() => undefined);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let active = true;

    const flush = (force: boolean) => {
      clearTimeout(timer);
      void queue.flush(force).then(() => {
        const retryAt = queue.nextRetryAt();
        if (active && retryAt !== null) {
          timer = setTimeout(() => flush(false), Math.max(retryAt - Date.now(), 0));
        }
      });
    };
    const online = () => flush(true);

    flushRef.current = flush;
    setSnapshot((current) => ({ ...current, pending: queue.pending() }));
    flush(true);
    window.addEventListener('online', online);

    return () => {
      active = false;
      clearTimeout(timer);
      window.removeEventListener('online', online);
    };
  }, [queue]);

  const save = useCallback(
    (key: string, path: string, body: TickBody) => {
      setSnapshot((current) => {
        if (!current.refused.has(key)) {
          return current;
        }
        const refused = new Map(current.refused);
        refused.delete(key);

        return { ...current, refused };
      });
      queue.enqueue(key, path, body);
      // Through the same round as the others, so that a failure here also sets up the retry.
      flushRef.current(true);
    },
    [queue],
  );

  const value = useMemo(() => ({ snapshot, save }), [snapshot, save]);

  return <TicksContext value={value}>{children}</TicksContext>;
}

function useTicksContext(): TicksContextValue {
  const value = use(TicksContext);
  if (value === null) {
    throw new Error('useTick must be used inside a TicksProvider');
  }

  return value;
}

export interface Tick<T extends TickBody> {
  /** What to show: the unsaved value first, then what the server confirmed, then what loaded. */
  value: T;
  state: TickState;
  /** When the server last confirmed this tick during this visit. */
  savedAt: number | null;
  /** Why the server refused the last tick, in its own words. */
  refused: string | null;
  save: (body: T) => void;
}

/**
 * An unsaved tick is on its way until any attempt fails; from then on the queue is stuck behind
 * that failure, so every tick in it waits.
 */
function stateOfPending(snapshot: TicksSnapshot): TickState {
  return snapshot.pending.some((tick) => tick.attempts > 0) ? 'waiting' : 'saving';
}

/** One thing the patient ticks, such as a checklist entry, saved through the queue. */
export function useTick<T extends TickBody>(key: string, path: string, loaded: T): Tick<T> {
  const { snapshot, save } = useTicksContext();
  const pending = snapshot.pending.find((tick) => tick.key === key);
  const confirmed = snapshot.confirmed.get(key);

  return {
    value: { ...loaded, ...confirmed?.body, ...pending?.body },
    state: pending === undefined ? 'saved' : stateOfPending(snapshot),
    savedAt: confirmed?.at ?? null,
    refused: snapshot.refused.get(key) ?? null,
    save: (body: T) => save(key, path, body),
  };
}

/** How the ticks of the given keys stand together, for one status line on the page. */
export function useTicksSummary(keys: readonly string[]): {
  state: TickState;
  savedAt: number | null;
} {
  const { snapshot } = useTicksContext();
  const pending = snapshot.pending.some((tick) => keys.includes(tick.key));
  const savedAt = keys.reduce<number | null>((latest, key) => {
    const at = snapshot.confirmed.get(key)?.at;

    return at === undefined || (latest !== null && latest >= at) ? latest : at;
  }, null);

  return {
    state: pending ? stateOfPending(snapshot) : 'saved',
    savedAt,
  };
}
