/** Benchmark harness contracts: each file in bench/cases exports `cases: BenchCase[]`. */

export interface BenchResult {
  /** What was measured, e.g. 'matching: plan 100k deposits / 500k invoices (time)'. */
  name: string;
  value: number;
  /** 'ms', 'MB', 'units', 'units/application', ... */
  unit: string;
  /** The target it is held to, in words ('< 5000 ms', '<= 32'), or null. */
  target: string | null;
  /** Whether the value meets the target (null when there is none). */
  ok?: boolean | null;
}

export interface BenchCase {
  name: string;
  /** Run in a child process of its own, so time and peak memory are its own. */
  run(): BenchResult[] | Promise<BenchResult[]>;
}
