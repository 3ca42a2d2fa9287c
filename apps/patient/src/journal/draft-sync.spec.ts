import { DraftSync, type SyncState } from './draft-sync';

describe('DraftSync', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const setUp = (send: (text: string) => Promise<void>) => {
    const states: SyncState[] = [];
    const sync = new DraftSync<string>({
      send,
      onState: (state) => states.push(state),
      quietMs: 1000,
      retryMs: 5000,
      isPermanent: (error) => error instanceof Error && error.message === 'refused',
    });

    return { sync, states };
  };

  it('sends the newest text once the patient pauses', async () => {
    const send = jest.fn(() => Promise.resolve());
    const { sync, states } = setUp(send);

    sync.change('I');
    sync.change('I felt');
    await jest.advanceTimersByTimeAsync(999);
    expect(send).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);

    expect(send.mock.calls).toEqual([['I felt']]);
    expect(states.at(-1)).toBe('saved');
  });

  it('sends one request at a time, then the text typed meanwhile', async () => {
    let finish: () => void = () => undefined;
    const send = jest.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const { sync } = setUp(send);

    sync.change('one');
    await jest.advanceTimersByTimeAsync(1000);
    sync.change('one two');
    await jest.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(1);

    finish();
    await jest.advanceTimersByTimeAsync(1000);
    expect(send.mock.calls).toEqual([['one'], ['one two']]);
  });

  it('keeps a draft that failed to send and tries again later', async () => {
    const send = jest
      .fn<Promise<void>, [string]>()
      .mockRejectedValueOnce(new Error('offline'))
      .mockResolvedValue(undefined);
    const { sync, states } = setUp(send);

    sync.change('kept');
    await jest.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('waiting');
    await jest.advanceTimersByTimeAsync(5000);

    expect(send.mock.calls).toEqual([['kept'], ['kept']]);
    expect(states.at(-1)).toBe('saved');
  });

  it('does not repeat a draft the API refused as it is', async () => {
    const send = jest.fn(() => Promise.reject(new Error('refused')));
    const { sync, states } = setUp(send);

    sync.change('too long');
    await jest.advanceTimersByTimeAsync(20_000);

    expect(send).toHaveBeenCalledTimes(1);
    expect(states.at(-1)).toBe('refused');
  });

  it('waits for the autosave on its way when stopped, and sends nothing after', async () => {
    let finish: () => void = () => undefined;
    const send = jest.fn(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    const { sync } = setUp(send);
    sync.change('first');
    await jest.advanceTimersByTimeAsync(1000);
    sync.change('second');

    let stopped = false;
    void sync.stop().then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await jest.advanceTimersByTimeAsync(5000);

    expect(stopped).toBe(true);
    expect(send).toHaveBeenCalledTimes(1);
  });
});
