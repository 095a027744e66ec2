// What one measurement is: wall time of a step and the process's memory right after it. Peak RSS is
// `process.resourceUsage().maxRSS`, the kernel's high-water mark for the whole process: read after a
// step it is the peak *so far*, so it never goes down from one row to the next and a step is only
// "responsible" for it when it raises it.
import {performance} from "node:perf_hooks";

export interface MemorySample {
  /** Peak resident set size of the process so far, in MB (maxRSS). */
  peakRssMb: number;
  /** Resident set size now, in MB. */
  rssMb: number;
  /** V8 heap in use now, in MB. */
  heapUsedMb: number;
}

export interface StepRecord extends MemorySample {
  /** Top-level stage: source, data, model, portfolio, serialise. */
  stage: string;
  /** Step inside the stage, or the stage's name for its total. */
  step: string;
  ms: number;
  /**
   * CPU time (user + system) of the process during the step, ms; null where the step was timed by the
   * stage itself. Wall time counts other processes' turns on a busy machine; CPU time does not.
   */
  cpuMs: number | null;
  /** How the figure was obtained when it is not a plain stopwatch around the step. */
  note?: string;
}

const mb = (bytes: number) => bytes / 1_048_576;

export function memory(): MemorySample {
  const usage = process.memoryUsage();
  return {peakRssMb: process.resourceUsage().maxRSS / 1024, rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed)};
}

function memoryOf({peakRssMb, rssMb, heapUsedMb}: MemorySample): MemorySample {
  return {peakRssMb, rssMb, heapUsedMb};
}

/** CPU time of this process so far, ms. */
export function cpuMs(): number {
  const {user, system} = process.cpuUsage();
  return (user + system) / 1000;
}

/** A log of steps; `time` runs work, records its wall time and the memory after it. */
export function stepLog() {
  const steps: StepRecord[] = [];
  return {
    steps,
    time<T>(stage: string, step: string, work: () => T): T {
      const cpu = cpuMs();
      const start = performance.now();
      const result = work();
      steps.push({stage, step, ms: performance.now() - start, cpuMs: cpuMs() - cpu, ...memory()});
      return result;
    },
    /** A step timed by someone else (the stage's own `timings`), with the memory given or as it is now. */
    record(stage: string, step: string, ms: number, {note, cpu = null, sample = memory()}: {note?: string; cpu?: number | null; sample?: MemorySample} = {}) {
      steps.push({stage, step, ms, cpuMs: cpu, ...memoryOf(sample), ...(note ? {note} : {})});
    }
  };
}

/** "10k" → 10,000, "1m" → 1,000,000, "25000" → 25,000. */
export function parseSize(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([km]?)\s*$/i.exec(text);
  if (!match) throw new Error(`not a size: ${JSON.stringify(text)} (use 10k, 200k, 1m or a number)`);
  const value = Number(match[1]) * ({"": 1, k: 1_000, m: 1_000_000} as const)[match[2].toLowerCase() as "" | "k" | "m"];
  if (!Number.isInteger(value) || value < 100) throw new Error(`size ${text} must be a whole number of at least 100 invoices`);
  return value;
}

/** 10,000 → "10k", 1,000,000 → "1m", 25,000 → "25k", 12,345 → "12345". */
export function sizeLabel(invoices: number): string {
  if (invoices % 1_000_000 === 0) return `${invoices / 1_000_000}m`;
  if (invoices % 1_000 === 0) return `${invoices / 1_000}k`;
  return String(invoices);
}

/**
 * A clock for a stage's `clock` option that also notes the CPU time at every reading, so that any
 * duration the stage computes as the difference of two readings (its `timings`) can be given its CPU
 * time too: `cpuOf(ms)` finds the one pair of readings exactly `ms` apart. null when no pair, or more
 * than one, matches (a duration summed over several intervals has no single pair).
 */
export function recordingClock(): {clock: () => number; cpuOf: (ms: number) => number | null} {
  const walls: number[] = [];
  const cpus: number[] = [];
  return {
    clock() {
      const wall = performance.now();
      walls.push(wall);
      cpus.push(cpuMs());
      return wall;
    },
    cpuOf(ms) {
      let found: number | null = null;
      for (let j = 0; j < walls.length; ++j) {
        for (let i = 0; i < j; ++i) {
          if (walls[j] - walls[i] === ms) {
            if (found !== null) return null;
            found = cpus[j] - cpus[i];
          }
        }
      }
      return found;
    }
  };
}
