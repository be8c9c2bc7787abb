import { describe, expect, it } from 'vitest';
import { singleFlight } from './single-flight';

describe('singleFlight', () => {
  it('lets calls made while a job runs join it, and starts afresh once it has ended', async () => {
    let started = 0;
    let finish: (value: number) => void = () => undefined;
    const flight = singleFlight(() => {
      started += 1;
      return new Promise<number>((resolve) => {
        finish = resolve;
      });
    });

    const first = flight.run();
    const second = flight.run();
    expect(second).toBe(first);
    finish(7);
    expect(await Promise.all([first, second])).toEqual([7, 7]);
    expect(started).toBe(1);

    const third = flight.run();
    expect(third).not.toBe(first);
    finish(8);
    expect(await third).toBe(8);
    expect(started).toBe(2);
  });

  it('aborts the running job on cancel, and a failure frees the next run', async () => {
    const flight = singleFlight(
      (signal) =>
        new Promise<never>((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        }),
    );
    const running = flight.run();
    flight.cancel();
    await expect(running).rejects.toThrow('aborted');
    const next = flight.run();
    expect(next).not.toBe(running);
    flight.cancel();
    await expect(next).rejects.toThrow('aborted');
  });
});
