import { describe, expect, it, vi } from 'vitest';
import { createDraftSaver, findLab, formatScore, labHref, labStanding, runSummary } from './labs-api.ts';

describe('code labs on the web', () => {
  it('says how a run or a submission went', () => {
    const tests = [
      { name: 'a', passed: true, message: null, hidden: false },
      { name: 'b', passed: false, message: 'expected 3, received -1', hidden: false },
    ];
    expect(runSummary({ status: 'failed', tests }, 'run')).toBe('Run failed: 1 of 2 tests passed.');
    expect(runSummary({ status: 'passed', tests: [tests[0]!] }, 'submission')).toBe(
      'Submission passed: 1 of 1 test passed.',
    );
    expect(runSummary({ status: 'timeout', tests: [] }, 'run')).toBe(
      'Run stopped: the code ran longer than the time limit.',
    );
    expect(runSummary({ status: 'error', tests: [] }, 'run')).toBe('Run could not finish: the code has an error.');
  });

  it('formats scores, standings and addresses', () => {
    expect(formatScore(100)).toBe('100%');
    expect(formatScore(66.666)).toBe('66.67%');
    expect(labStanding({ passed: true, attempts: 2, best: null }).label).toBe('Passed');
    expect(labStanding({ passed: false, attempts: 0, best: null }).tone).toBe('none');
    expect(labStanding({ passed: false, attempts: 1, best: { status: 'failed', score: 50, points: 5 } }).label).toBe(
      'Not passed yet: best 50%',
    );
    expect(labHref('html-css-foundations', 'sum')).toBe('/learn/html-css-foundations/labs/sum');
    const labs = [
      { id: 'i1', slug: 'sum' },
      { id: 'i2', slug: 'max' },
    ];
    expect(findLab(labs, 'max')?.id).toBe('i2');
    expect(findLab(labs, 'i1')?.slug).toBe('sum');
    expect(findLab(labs, 'nope')).toBeUndefined();
  });

  it('saves a draft once typing pauses, never two saves at once, the latest code last', async () => {
    vi.useFakeTimers();
    try {
      const saved: string[] = [];
      let release: (() => void) | undefined;
      const saver = createDraftSaver(
        (code) =>
          new Promise<void>((resolve) => {
            saved.push(code);
            release = resolve;
          }),
        800,
      );
      saver.push('a');
      saver.push('ab');
      await vi.advanceTimersByTimeAsync(799);
      expect(saved).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(saved).toEqual(['ab']);
      saver.push('abc');
      await vi.advanceTimersByTimeAsync(800);
      // The first save has not finished: the next one waits for it.
      expect(saved).toEqual(['ab']);
      release!();
      await vi.advanceTimersByTimeAsync(0);
      expect(saved).toEqual(['ab', 'abc']);
      release!();
      saver.push('x');
      saver.cancel();
      await vi.advanceTimersByTimeAsync(1000);
      expect(saved).toEqual(['ab', 'abc']);
      expect(saver.hasPending()).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });
});
