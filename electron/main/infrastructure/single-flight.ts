/**
 * One run at a time of a cancellable job: a call while it runs joins the
 * running one instead of starting another (a second click, the background
 * refresh and the screen asking at once), and `cancel` aborts it.
 */
export interface SingleFlight<T> {
  run(): Promise<T>;
  /** Aborts the running job, if any (the app is closing). */
  cancel(): void;
}

export function singleFlight<T>(job: (signal: AbortSignal) => Promise<T>): SingleFlight<T> {
  let running: { promise: Promise<T>; controller: AbortController } | null = null;
  return {
    run() {
      if (running) return running.promise;
      const controller = new AbortController();
      const promise = job(controller.signal).finally(() => {
        running = null;
      });
      running = { promise, controller };
      return promise;
    },
    cancel() {
      running?.controller.abort();
    },
  };
}
