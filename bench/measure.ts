/** Timing and side-by-side reporting shared by the benchmarks. */
import { performance } from 'node:perf_hooks';

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** Times synchronous work `rounds` times, after one untimed run that warms caches and statements. */
export function timedEach(rounds: number, run: () => unknown): number[] {
  run();
  return Array.from({ length: rounds }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
}

export interface Comparison {
  name: string;
  subject: string;
  baseline: string;
  subjectMs: number[];
  baselineMs: number[];
  goal: number | null;
  /** Printed under the ratio, e.g. where the subject's time goes. */
  notes?: string[];
}

export function report(comparison: Comparison): void {
  const subject = median(comparison.subjectMs);
  const baseline = median(comparison.baselineMs);
  const ratio = subject / baseline;
  const verdict =
    comparison.goal === null
      ? ''
      : ratio <= comparison.goal
        ? ` (goal ≤ ${comparison.goal}×: met)`
        : ` (goal ≤ ${comparison.goal}×: NOT met)`;
  // Sub-millisecond queries need the second decimal to be told apart.
  const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1).padStart(8);
  console.log(`\n${comparison.name}`);
  console.log(`  ${comparison.subject.padEnd(58)} median ${ms(subject)} ms`);
  console.log(`  ${comparison.baseline.padEnd(58)} median ${ms(baseline)} ms`);
  // Two significant digits for tiny ratios, which two decimals would print as 0.00.
  console.log(`  ratio ${ratio < 0.1 ? ratio.toPrecision(2) : ratio.toFixed(2)}×${verdict}`);
  for (const note of comparison.notes ?? []) console.log(`  ${note}`);
}
