import { describe, expect, it } from 'vitest';
import { filterEarnings, monthPeriod, percent, percentToBps, periodProblem } from './period.ts';

describe('payout periods', () => {
  const now = new Date('2026-03-15T10:00:00Z');
  it('gives calendar months in UTC, across a year end', () => {
    expect(monthPeriod(0, now)).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(monthPeriod(-1, now)).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthPeriod(-3, now)).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });
  it('refuses empty, reversed and too long periods', () => {
    expect(periodProblem('', '2026-01-01')).toBe('Enter both dates.');
    expect(periodProblem('2026-02-01', '2026-01-01')).toMatch(/after/);
    expect(periodProblem('2025-01-01', '2026-01-02')).toMatch(/366/);
    expect(periodProblem('2025-01-01', '2026-01-01')).toBeNull();
  });
  it('reads and writes percentages as basis points', () => {
    expect(percent(3000)).toBe('30%');
    expect(percent(2750)).toBe('27.5%');
    expect(percentToBps('27.5')).toBe(2750);
    expect(percentToBps('100')).toBe(10_000);
    expect(percentToBps('100.01')).toBeNull();
    expect(percentToBps('-1')).toBeNull();
    expect(percentToBps('x')).toBeNull();
  });
  it('filters rows by instructor name words', () => {
    const row = (instructorName: string) =>
      ({ instructorName }) as unknown as Parameters<typeof filterEarnings>[0][number];
    const rows = [row('Alex Morgan'), row('Maya Chen')];
    expect(filterEarnings(rows, 'maya').map((r) => r.instructorName)).toEqual(['Maya Chen']);
    expect(filterEarnings(rows, '')).toHaveLength(2);
  });
});
