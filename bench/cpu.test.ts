import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { childPids, cpuMs, cpuPerUnit } from './cpu.ts';

describe('CPU time per process', () => {
  it("counts a child's CPU time under children, per unit of work", async () => {
    // A child that spins until it has used 300 ms of CPU (however loaded the machine), says so, then
    // stays alive (an exited child has no /proc entry).
    const child = spawn(
      process.execPath,
      [
        '-e',
        "const c = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }; while (c() < 300); process.stdout.write('done'); setTimeout(() => {}, 60000);",
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const done = new Promise<number>((resolve) => child.stdout!.once('data', () => resolve(2)));
    try {
      expect(childPids(process.pid)).toContain(child.pid);
      expect(cpuMs(process.pid)).toBeGreaterThan(0);
      const { result, cpu } = await cpuPerUnit(
        process.pid,
        () => done,
        (units) => units,
      );
      expect(result).toBe(2);
      // Nearly all of its 300 ms of CPU (its start may come before the first reading) over 2 units.
      expect(cpu!.children).toBeGreaterThanOrEqual(100);
      expect(cpu!.measuring).toBeLessThan(cpu!.children);
    } finally {
      child.kill();
    }
  });

  it('answers null for a process that is gone', () => {
    expect(cpuMs(2 ** 22 + 12345)).toBeNull();
  });
});
