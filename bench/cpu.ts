/**
 * CPU time per process, read from /proc (Linux): what each part of a loaded run costs, for benches
 * whose bound is the machine's cores rather than one process. `processCpu` gives a process's and
 * its children's user+system milliseconds; null where /proc is missing.
 */
import { readFileSync } from 'node:fs';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** User + system CPU milliseconds of one process, or null. */
export function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** The direct children of a process, or []. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

export interface CpuShare {
  /** CPU ms per unit of work: the process itself, its children together, and this (measuring) process. */
  self: number;
  children: number;
  measuring: number;
}

/** Runs `work` and divides each part's CPU time by the units of work it reports. */
export async function cpuPerUnit<T>(
  pid: number,
  work: () => Promise<T>,
  units: (result: T) => number,
): Promise<{ result: T; cpu: CpuShare | null }> {
  const kids = childPids(pid);
  const before = [cpuMs(pid), ...kids.map(cpuMs)];
  const mine = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(mine);
  const after = [cpuMs(pid), ...kids.map(cpuMs)];
  const n = units(result);
  if (before.some((v) => v === null) || after.some((v) => v === null) || n <= 0) return { result, cpu: null };
  const spent = after.map((v, i) => (v as number) - (before[i] as number));
  return {
    result,
    cpu: {
      self: spent[0]! / n,
      children: spent.slice(1).reduce((a, b) => a + b, 0) / n,
      measuring: (used.user + used.system) / 1000 / n,
    },
  };
}
