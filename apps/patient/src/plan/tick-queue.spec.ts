import {
  isWorthRetrying,
  retryDelay,
  TickQueue,
  type QueueEvent,
  type QueueStorage,
  type QueuedTick,
  type SendResult,
} from './tick-queue';

function memoryStorage(): QueueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();

  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
    removeItem: (key) => {
      data.delete(key);
    },
  };
}

/** A queue over a fake clock and a fake server that answers with whatever the test lines up. */
function setUp(storage = memoryStorage()) {
  let clock = 1_000_000;
  const answers: SendResult[] = [];
  const sent: { path: string; body: QueuedTick['body'] }[] = [];
  const events: QueueEvent[] = [];
  const queue = new TickQueue({
    storage,
    storageKey: 'ticks.user-1',
    now: () => clock,
    send: (tick) => {
      sent.push({ path: tick.path, body: tick.body });

      return Promise.resolve(answers.shift() ?? { kind: 'saved' });
    },
    onEvent: (event) => events.push(event),
  });

  return {
    queue,
    storage,
    sent,
    events,
    answer: (...results: SendResult[]) => answers.push(...results),
    advance: (ms: number) => {
      clock += ms;
    },
    now: () => clock,
  };
}

const OFFLINE: SendResult = { kind: 'retry' };

describe('retryDelay', () => {
  it('doubles from two seconds and stops growing at a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelay)).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });
});

describe('isWorthRetrying', () => {
  it('retries no answer, server faults, timeouts, a busy server and a lost session', () => {
    expect([0, 401, 408, 429, 500, 502, 503].every(isWorthRetrying)).toBe(true);
  });

  it('does not retry what the server will keep refusing', () => {
    expect([400, 403, 404, 409, 422].some(isWorthRetrying)).toBe(false);
  });
});

describe('TickQueue', () => {
  it('keeps a tick in storage until the server confirms it, then forgets it', async () => {
    const { queue, storage, sent, events } = setUp();

    queue.enqueue('a1:ride', '/me/assignments/a1/checklist/ride', { checked: true });
    expect(JSON.parse(storage.data.get('ticks.user-1') ?? '[]')).toHaveLength(1);

    await queue.flush(true);

    expect(sent).toEqual([{ path: '/me/assignments/a1/checklist/ride', body: { checked: true } }]);
    expect(queue.pending()).toEqual([]);
    expect(storage.data.has('ticks.user-1')).toBe(false);
    expect(events).toContainEqual(expect.objectContaining({ kind: 'saved', at: 1_000_000 }));
  });

  it('coalesces repeated ticks of one entry to the latest value, moved to the back', () => {
    const { queue } = setUp();

    queue.enqueue('a1:ride', '/ride', { checked: true });
    queue.enqueue('a1:clothes', '/clothes', { checked: true });
    queue.enqueue('a1:ride', '/ride', { checked: false });

    expect(queue.pending().map(({ key, body }) => [key, body])).toEqual([
      ['a1:clothes', { checked: true }],
      ['a1:ride', { checked: false }],
    ]);
  });

  it('sends in the order the ticks were made', async () => {
    const { queue, sent } = setUp();

    queue.enqueue('one', '/one', { checked: true });
    queue.enqueue('two', '/two', { checked: true });
    queue.enqueue('three', '/three', { checked: false });
    await queue.flush(true);

    expect(sent.map(({ path }) => path)).toEqual(['/one', '/two', '/three']);
  });

  it('stops a round at the first failure, so that nothing overtakes an older tick', async () => {
    const { queue, sent, answer } = setUp();
    answer(OFFLINE);

    queue.enqueue('one', '/one', { checked: true });
    queue.enqueue('two', '/two', { checked: true });
    await queue.flush(true);

    expect(sent.map(({ path }) => path)).toEqual(['/one']);
    expect(queue.pending().map(({ key }) => key)).toEqual(['one', 'two']);

    await queue.flush(true);

    expect(sent.map(({ path }) => path)).toEqual(['/one', '/one', '/two']);
    expect(queue.pending()).toEqual([]);
  });

  it('waits longer after each failure unless forced', async () => {
    const { queue, sent, answer, advance, now } = setUp();
    answer(OFFLINE, OFFLINE);

    queue.enqueue('one', '/one', { checked: true });
    await queue.flush(true);
    expect(queue.nextRetryAt()).toBe(now() + 2_000);

    advance(1_999);
    await queue.flush();
    expect(sent).toHaveLength(1);

    advance(1);
    await queue.flush();
    expect(sent).toHaveLength(2);
    expect(queue.nextRetryAt()).toBe(now() + 4_000);

    // Coming back online forces a round without waiting out the delay.
    await queue.flush(true);
    expect(sent).toHaveLength(3);
    expect(queue.pending()).toEqual([]);
  });

  it('drops a tick the server refuses, says why, and goes on with the rest', async () => {
    const { queue, sent, events, answer } = setUp();
    answer({ kind: 'rejected', message: 'Your clinic has withdrawn this assignment.' });

    queue.enqueue('gone', '/gone', { checked: true });
    queue.enqueue('fine', '/fine', { checked: true });
    await queue.flush(true);

    expect(sent.map(({ path }) => path)).toEqual(['/gone', '/fine']);
    expect(queue.pending()).toEqual([]);
    expect(events).toContainEqual(
      expect.objectContaining({
        kind: 'rejected',
        message: 'Your clinic has withdrawn this assignment.',
      }),
    );
  });

  it('survives a reload: a new queue over the same storage sends what was left', async () => {
    const storage = memoryStorage();
    const before = setUp(storage);
    before.answer(OFFLINE);
    before.queue.enqueue('one', '/one', { checked: true });
    await before.queue.flush(true);

    const after = setUp(storage);
    expect(after.queue.pending().map(({ key, attempts }) => [key, attempts])).toEqual([['one', 1]]);
    await after.queue.flush(true);

    expect(after.sent).toEqual([{ path: '/one', body: { checked: true } }]);
    expect(after.queue.pending()).toEqual([]);
  });

  it('keeps a newer tick made while an older one of the same entry is on its way', async () => {
    const storage = memoryStorage();
    let release: (result: SendResult) => void = () => undefined;
    const sent: QueuedTick['body'][] = [];
    const queue = new TickQueue({
      storage,
      storageKey: 'ticks.user-1',
      now: () => 0,
      send: (tick) => {
        sent.push(tick.body);

        return new Promise((resolve) => {
          release = resolve;
        });
      },
    });

    queue.enqueue('ride', '/ride', { checked: true });
    const first = queue.flush(true);
    expect(queue.sending()).toBe('ride');

    queue.enqueue('ride', '/ride', { checked: false });
    const second = queue.flush(true);
    release({ kind: 'saved' });
    while (sent.length < 2) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    release({ kind: 'saved' });
    await Promise.all([first, second]);

    expect(sent).toEqual([{ checked: true }, { checked: false }]);
    expect(queue.pending()).toEqual([]);
  });

  it('keeps each user’s ticks apart', () => {
    const storage = memoryStorage();
    setUp(storage).queue.enqueue('one', '/one', { checked: true });

    const other = new TickQueue({
      storage,
      storageKey: 'ticks.user-2',
      now: () => 0,
      send: () => Promise.resolve({ kind: 'saved' }),
    });

    expect(other.pending()).toEqual([]);
  });

  it('ignores stored text it cannot read rather than failing', () => {
    const storage = memoryStorage();
    storage.setItem('ticks.user-1', '{not json');

    expect(setUp(storage).queue.pending()).toEqual([]);
  });

  it('holds ticks in memory when storage refuses to write', async () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const { queue, sent, answer } = setUp(storage);
    answer(OFFLINE);

    queue.enqueue('one', '/one', { checked: true });
    await queue.flush(true);
    expect(queue.pending().map(({ key }) => key)).toEqual(['one']);

    await queue.flush(true);
    expect(sent).toHaveLength(2);
    expect(queue.pending()).toEqual([]);
  });
});
