/** The time, as one injected function: tests and the crash suite set it, the app reads the system's. */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
