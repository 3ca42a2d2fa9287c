import { PeriodicTask } from './periodic-task';

describe('PeriodicTask', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('runs at once and then every interval', async () => {
    const task = jest.fn(() => Promise.resolve());
    const periodic = new PeriodicTask(task, () => undefined);

    periodic.start(1_000);
    await jest.advanceTimersByTimeAsync(3_000);
    await periodic.stop();

    expect(task).toHaveBeenCalledTimes(4);
  });

  it('never starts a run while the last one is still going, and stop waits for it', async () => {
    let finish = () => undefined as void;
    const task = jest.fn(
      () =>
        new Promise<void>((done) => {
          finish = done;
        }),
    );
    const periodic = new PeriodicTask(task, () => undefined);

    periodic.start(1_000);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(task).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = periodic.stop().then(() => {
      stopped = true;
    });
    await jest.advanceTimersByTimeAsync(0);
    expect(stopped).toBe(false);
    finish();
    await stopping;

    expect(stopped).toBe(true);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('hands a failed run to onError and runs again at the next interval', async () => {
    const failure = new Error('the database is away');
    const task = jest.fn().mockRejectedValueOnce(failure).mockResolvedValue(undefined);
    const onError = jest.fn();
    const periodic = new PeriodicTask(task, onError);

    periodic.start(1_000);
    await jest.advanceTimersByTimeAsync(1_000);
    await periodic.stop();

    expect(onError).toHaveBeenCalledWith(failure);
    expect(task).toHaveBeenCalledTimes(2);
  });
});
