import { describe, expect, it } from 'vitest';
import type { LabLanguage, LabTestFile } from '../edge/labs/runner.ts';
import { SUM_LAB } from './fixtures.ts';
import { OUTPUT_LIMIT, runInSandbox } from './run.ts';

const sumTests: LabTestFile[] = [
  { source: SUM_LAB.visibleTests, hidden: false },
  { source: SUM_LAB.hiddenTests, hidden: true },
];

function run(code: string, tests: LabTestFile[] = sumTests, language: LabLanguage = 'javascript') {
  return runInSandbox({ language, code, tests, timeLimitMs: 1000, memoryLimitMb: 32 });
}

describe('runInSandbox', () => {
  it('passes the reference solution on visible and hidden tests', async () => {
    const r = await run(SUM_LAB.referenceSolution);
    expect(r.status).toBe('passed');
    expect(r.score).toBe(100);
    expect(r.tests).toHaveLength(5);
    expect(r.tests.filter((t) => t.hidden)).toHaveLength(3);
    expect(r.tests.every((t) => t.passed && t.message === null)).toBe(true);
  });

  it('shows visible messages and hides hidden ones', async () => {
    const r = await run('function sum(a, b) { return a - b; }');
    expect(r.status).toBe('failed');
    expect(r.score).toBe(20);
    expect(r.tests[0]).toEqual({
      name: 'sum(1, 2) is 3',
      passed: false,
      message: 'expected 3, received -1',
      hidden: false,
    });
    for (const t of r.tests.filter((x) => x.hidden)) expect(t.message).toBe('Hidden test failed');
    expect(JSON.stringify(r)).not.toMatch(/42|3345678|-15|-1\.25/);
  });

  it("reveals hidden messages and output only when the job asks (a course manager's check)", async () => {
    const code = "function sum(a, b) { console.log('args', a, b); return a - b; }";
    const r = await runInSandbox({
      language: 'javascript',
      code,
      tests: sumTests,
      timeLimitMs: 1000,
      memoryLimitMb: 32,
      revealHidden: true,
    });
    expect(r.status).toBe('failed');
    expect(r.tests.filter((t) => t.hidden)).toHaveLength(3);
    for (const t of r.tests.filter((x) => x.hidden)) {
      expect(t.message).not.toBe('Hidden test failed');
      expect(t.message).toMatch(/^expected /);
    }
    expect(r.output.split('\n').filter(Boolean).length).toBeGreaterThan(2);
  });

  it('drops console output written while hidden tests run', async () => {
    const r = await run("function sum(a, b) { console.log('args', a, b); return a + b; }");
    expect(r.status).toBe('passed');
    expect(r.output).toBe('args 1 2\nargs 0 0\n');
  });

  it('caps console output with a marker', async () => {
    const r = await run(
      "for (let i = 0; i < 100000; i++) console.log('line', i, { i });\nfunction sum(a, b) { return a + b; }",
    );
    expect(r.status).toBe('passed');
    expect(r.output.length).toBeLessThanOrEqual(16 * 1024);
    expect(r.output.length).toBeGreaterThanOrEqual(OUTPUT_LIMIT);
    expect(r.output.endsWith('…[output truncated]')).toBe(true);
  });

  it('runs TypeScript labs (code and tests transpiled)', async () => {
    const tests = [
      { source: "test('typed', () => { const n: number = sum(2, 3); expect(n).toBe(5); });", hidden: false },
    ];
    const ok = await run(
      'interface Pair { a: number }\nfunction sum(a: number, b: number): number { return a + b; }',
      tests,
      'typescript',
    );
    expect(ok.status).toBe('passed');
    const bad = await run('function sum(a: number, b: number: number {', tests, 'typescript');
    expect(bad.status).toBe('error');
    expect(bad.output).toMatch(/^SyntaxError/);
  });

  it('treats top-level declarations as in a file; test files keep their own scope', async () => {
    const tests = [
      {
        source:
          "const helper = 'tests';\ntest('const arrow', () => { expect(sum(1, 1)).toBe(2); expect(helper).toBe('tests'); });",
        hidden: false,
      },
      {
        source: "const helper = 'second file';\ntest('class', () => { expect(new Counter().inc().inc().n).toBe(2); });",
        hidden: false,
      },
    ];
    const r = await run(
      'const helper = 1;\nconst sum = (a, b) => a + b;\nclass Counter { n = 0; inc() { this.n++; return this; } }',
      tests,
    );
    expect(r.status).toBe('passed');
    expect(r.tests.map((t) => t.name)).toEqual(['const arrow', 'class']);
  });

  it('supports every matcher and .not, with messages', async () => {
    const source = `
test('ok', () => {
  expect(1).toBe(1); expect({ a: [1, { b: 2 }], u: undefined }).toEqual({ a: [1, { b: 2 }] });
  expect({ a: 1 }).toStrictEqual({ a: 1 }); expect(0.1 + 0.2).toBeCloseTo(0.3); expect(1).toBeTruthy();
  expect(0).toBeFalsy(); expect(null).toBeNull(); expect(undefined).toBeUndefined(); expect(0).toBeDefined();
  expect([1, 2]).toContain(2); expect('abc').toContain('b'); expect([1, 2]).toHaveLength(2); expect('ab').toHaveLength(2);
  expect(2).toBeGreaterThan(1); expect(2).toBeGreaterThanOrEqual(2); expect(1).toBeLessThan(2); expect(1).toBeLessThanOrEqual(1);
  expect('hello').toMatch(/ell/); expect('hello').toMatch('llo');
  expect(() => { throw new TypeError('bad input'); }).toThrow('bad'); expect(() => { throw new TypeError('x'); }).toThrow(TypeError);
  expect(1).not.toBe(2); expect([1]).not.toEqual([2]); expect({ a: undefined }).not.toStrictEqual({});
  expect(() => 1).not.toThrow(); expect(new Map([[1, { a: 1 }]])).toEqual(new Map([[1, { a: 1 }]]));
  expect(new Set([1, 2])).toEqual(new Set([2, 1])); expect(new Date(5)).toEqual(new Date(5));
});
test('toEqual fails', () => { expect({ a: [1, 2] }).toEqual({ a: [1, 3] }); });
test('closeTo fails', () => { expect(0.5).toBeCloseTo(0.3); });
test('not.toBe fails', () => { expect(3).not.toBe(3); });
test('toThrow fails', () => { expect(() => 1).toThrow(); });
test('toContain fails', () => { expect([1, 2]).toContain(3); });
test('thrown error', () => { null.x; });
test('no assertions', () => {});
`;
    const r = await run('', [{ source, hidden: false }]);
    expect(r.status).toBe('failed');
    expect(r.tests.map((t) => [t.name, t.passed, t.message])).toEqual([
      ['ok', true, null],
      ['toEqual fails', false, 'expected { a: [1, 3] }, received { a: [1, 2] }'],
      ['closeTo fails', false, 'expected 0.3 (within 0.005), received 0.5'],
      ['not.toBe fails', false, 'expected a value other than 3'],
      ['toThrow fails', false, 'expected the function to throw, it did not throw'],
      ['toContain fails', false, 'expected [1, 2] to contain 3'],
      ['thrown error', false, "TypeError: Cannot read properties of null (reading 'x')"],
      ['no assertions', false, 'the test made no assertions'],
    ]);
    expect(r.score).toBe(12.5);
  });

  it('awaits async tests; a promise that never settles fails its test and the next still runs', async () => {
    const source = `
test('async ok', async () => { expect(await sumAsync(1, 2)).toBe(3); });
test('never settles', async () => { await new Promise(() => {}); expect(1).toBe(1); });
test('after', async () => { await null; expect(sum(2, 2)).toBe(4); });
test('async failure', async () => { expect(await sumAsync(1, 1)).toBe(3); });
`;
    const r = await run(
      'function sum(a, b) { return a + b; }\nasync function sumAsync(a, b) { await null; return a + b; }',
      [{ source, hidden: false }],
    );
    expect(r.tests.map((t) => [t.name, t.passed, t.message])).toEqual([
      ['async ok', true, null],
      ['never settles', false, 'the test did not finish: it waits for a promise that never settles'],
      ['after', true, null],
      ['async failure', false, 'expected 3, received 2'],
    ]);
    expect(r.status).toBe('failed');
    expect(r.score).toBe(50);
  });

  it('answers error for load errors, no tests, and broken test files', async () => {
    const load = await run('const x = 1;\nundefinedThing();');
    expect(load.status).toBe('error');
    expect(load.score).toBe(0);
    expect(load.output).toBe('ReferenceError: undefinedThing is not defined (line 2)');
    expect((await run(SUM_LAB.referenceSolution, [])).output).toBe('Error: this lab has no tests');
    expect((await run(SUM_LAB.referenceSolution, [{ source: '// nothing', hidden: false }])).status).toBe('error');
    const hidden = await run(SUM_LAB.referenceSolution, [{ source: 'throw new Error("secret 42")', hidden: true }]);
    expect(hidden.status).toBe('error');
    expect(hidden.output).not.toContain('42');
  });

  it('times out on the CPU limit and stops at the memory limit', async () => {
    const slow = await runInSandbox({
      language: 'javascript',
      code: 'while (true) {}',
      tests: sumTests,
      timeLimitMs: 100,
      memoryLimitMb: 32,
    });
    expect(slow.status).toBe('timeout');
    expect(slow.durationMs).toBeLessThan(1000);
    const big = await run('const keep = []; while (true) keep.push(new Array(10000).fill(1));');
    expect(big.status).toBe('memory');
    expect((await run(SUM_LAB.referenceSolution)).status).toBe('passed');
  });
});
