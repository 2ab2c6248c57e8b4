/**
 * One lab run in isolated-vm: a fresh context per run (in an isolate reused between normal runs and
 * replaced after a timeout, a memory kill, a watchdog kill, a memory-limit change or every
 * RECYCLE_AFTER runs). Order: lockdown + harness (harness.ts), the learner's code as a classic script
 * (top-level declarations become globals, as in a file; TypeScript goes through sucrase first), each test
 * file in its own strict function scope, then the tests in order (async tests awaited; a promise that never
 * settles fails its test once the isolate has nothing left to run). Only strings and numbers cross the
 * boundary: the harness answers with a JSON string, parsed and validated here. No Reference is ever passed
 * into the isolate. Runs in one process are serialised: CPU accounting and recycling are per isolate.
 */
import ivm from 'isolated-vm';
import { transform } from 'sucrase';
import type { LabJob, LabRunResult, LabRunStatus, LabTestResult } from '../edge/labs/runner.ts';
import { buildHarness, TRUNCATED_MARKER, wrapTestFile } from './harness.ts';

export const MAX_CODE_CHARS = 100_000;
/** Console output kept per run, in characters; the truncation marker comes on top (total < 16 KiB). */
export const OUTPUT_LIMIT = 16_000;
export const MAX_TESTS = 200;
/** The wall-clock watchdog fires this long after the run's CPU limit. */
export const WATCHDOG_GRACE_MS = 1_000;
const RECYCLE_AFTER = 200;
const MESSAGE_LIMIT = 1_000;
const HARNESS_TIMEOUT_MS = 2_000;

export type SandboxJob = Omit<LabJob, 'userId'>;

interface Slot {
  isolate: ivm.Isolate;
  memoryLimitMb: number;
  harness: ivm.Script;
  /** The lab's test files, compiled once per isolate (a script runs in any of its contexts). */
  testScripts: Map<string, ivm.Script>;
  runs: number;
  broken: boolean;
}

const CACHED_TEST_SCRIPTS = 64;

let slot: Slot | null = null;
let onCatastrophe: (message: string) => void = (message) => {
  console.error(`isolated-vm catastrophic error: ${message}`);
};

/** The worker process sets this to exit (the pool replaces it); in-process callers keep the default log. */
export function setCatastropheHandler(handler: (message: string) => void): void {
  onCatastrophe = handler;
}

const harnessSource = buildHarness({ outputLimit: OUTPUT_LIMIT, maxTests: MAX_TESTS });

function acquire(memoryLimitMb: number): Slot {
  if (slot && !slot.broken && !slot.isolate.isDisposed && slot.memoryLimitMb === memoryLimitMb) return slot;
  if (slot) retire(slot);
  const current: Slot = {
    isolate: undefined as unknown as ivm.Isolate,
    memoryLimitMb,
    harness: undefined as unknown as ivm.Script,
    testScripts: new Map(),
    runs: 0,
    broken: false,
  };
  current.isolate = new ivm.Isolate({
    memoryLimit: memoryLimitMb,
    onCatastrophicError: (message: string) => {
      current.broken = true;
      onCatastrophe(message);
    },
  });
  current.harness = current.isolate.compileScriptSync(harnessSource, { filename: 'file:///harness.js' });
  slot = current;
  return current;
}

function retire(s: Slot): void {
  s.broken = true;
  if (slot === s) slot = null;
  try {
    if (!s.isolate.isDisposed) s.isolate.dispose();
  } catch {
    // already gone
  }
}

let chain: Promise<unknown> = Promise.resolve();

/** One graded or visible run in this process. Never throws: every failure is a status. */
export function runInSandbox(job: SandboxJob): Promise<LabRunResult> {
  const next = chain.then(() => runOnce(job));
  chain = next.catch(() => undefined);
  return next;
}

class RunStop extends Error {
  readonly status: LabRunStatus;
  constructor(status: LabRunStatus, message: string) {
    super(message);
    this.status = status;
  }
}

function clamp(n: number, min: number, max: number, fallback: number): number {
  return Number.isFinite(n) ? Math.min(max, Math.max(min, Math.round(n))) : fallback;
}

function cap(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}

function transpile(source: string): string {
  return transform(source, { transforms: ['typescript'], disableESTransforms: true }).code;
}

/** "SyntaxError: Unexpected number (line 2, column 9)" from an error copied out of the isolate. */
export function describeLoadError(error: unknown, file: string): string {
  if (!(error instanceof Error)) return 'Uncaught exception';
  if (error.message.startsWith('An object was thrown from supplied code')) {
    return 'Uncaught exception (a value that is not an Error was thrown)';
  }
  const name = typeof error.name === 'string' && error.name ? error.name : 'Error';
  const escaped = file.replace(/[.]/g, '\\.');
  let message = cap(String(error.message), MESSAGE_LIMIT).replace(
    new RegExp(`\\s*\\[file:///${escaped}:(\\d+):(\\d+)\\]`),
    ' (line $1, column $2)',
  );
  const at = new RegExp(`file:///${escaped}:(\\d+):(\\d+)`).exec(String(error.stack ?? ''));
  if (at && !message.includes('(line ')) message += ` (line ${at[1]})`;
  if (/Unexpected token 'export'|Cannot use import statement|Unexpected token 'import'/.test(message)) {
    message += ' — labs run your code as a plain script: remove import/export';
  }
  return `${name}: ${message}`;
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && /Script execution timed out/.test(error.message);
}

function isMemory(error: unknown, isolate: ivm.Isolate): boolean {
  return error instanceof Error && /memory limit/i.test(error.message) && isolate.isDisposed;
}

interface Collected {
  done: boolean;
  tests: LabTestResult[];
  output: string;
  truncated: boolean;
}

/** Validates the harness's JSON answer: strings, booleans and nothing else. */
export function parseCollected(json: unknown, revealHidden = false): Collected {
  if (typeof json !== 'string') throw new Error('the harness answered with a non-string');
  const value = JSON.parse(json) as Record<string, unknown>;
  if (typeof value !== 'object' || value === null || !Array.isArray(value.tests)) throw new Error('bad harness answer');
  const tests: LabTestResult[] = [];
  for (const raw of value.tests.slice(0, MAX_TESTS) as Record<string, unknown>[]) {
    if (typeof raw !== 'object' || raw === null) throw new Error('bad test result');
    if (typeof raw.name !== 'string' || typeof raw.passed !== 'boolean' || typeof raw.hidden !== 'boolean') {
      throw new Error('bad test result');
    }
    const message = typeof raw.message === 'string' ? cap(raw.message, MESSAGE_LIMIT) : null;
    tests.push({
      name: cap(raw.name, 200),
      passed: raw.passed,
      // Hidden tests never carry their real message, whatever the harness said (but for a manager's check).
      message: raw.passed ? null : raw.hidden && !revealHidden ? 'Hidden test failed' : (message ?? 'failed'),
      hidden: raw.hidden,
    });
  }
  return {
    done: value.done === true,
    tests,
    output: typeof value.output === 'string' ? value.output.slice(0, OUTPUT_LIMIT) : '',
    truncated: value.truncated === true,
  };
}

function joinOutput(output: string, truncated: boolean, extra?: string): string {
  let text = output + (truncated ? TRUNCATED_MARKER : '');
  if (extra) text += `${text && !text.endsWith('\n') ? '\n' : ''}${cap(extra, MESSAGE_LIMIT)}`;
  return text;
}

async function runOnce(job: SandboxJob): Promise<LabRunResult> {
  const started = performance.now();
  const finish = (status: LabRunStatus, tests: LabTestResult[], output: string): LabRunResult => {
    const passed = tests.filter((t) => t.passed).length;
    const score =
      (status === 'passed' || status === 'failed') && tests.length > 0
        ? Math.round((passed / tests.length) * 10_000) / 100
        : 0;
    return { status, score, tests, output, durationMs: Math.round(performance.now() - started) };
  };

  if (typeof job.code !== 'string') return finish('error', [], 'Error: no code was sent');
  if (job.code.length > MAX_CODE_CHARS) {
    return finish(
      'error',
      [],
      `Error: your code is ${job.code.length.toLocaleString('en')} characters long; the limit is ${MAX_CODE_CHARS.toLocaleString('en')}`,
    );
  }
  const files = (Array.isArray(job.tests) ? job.tests : []).filter(
    (t) => typeof t?.source === 'string' && t.source.trim() !== '',
  );
  if (files.length === 0) return finish('error', [], 'Error: this lab has no tests');

  let code = job.code;
  const sources = files.map((f) => f.source);
  if (job.language === 'typescript') {
    try {
      code = transpile(code);
    } catch (error) {
      return finish('error', [], `SyntaxError: ${cap(error instanceof Error ? error.message : String(error), 500)}`);
    }
    for (let i = 0; i < sources.length; i++) {
      try {
        sources[i] = transpile(sources[i] as string);
      } catch {
        return finish('error', [], `Error: the lab's ${files[i]?.hidden ? 'hidden ' : ''}tests could not be compiled`);
      }
    }
  }

  const timeLimitMs = clamp(job.timeLimitMs, 10, 30_000, 1_000);
  const memoryLimitMb = clamp(job.memoryLimitMb, 8, 512, 32);
  let s: Slot;
  try {
    s = acquire(memoryLimitMb);
  } catch (error) {
    if (slot) retire(slot);
    return finish('error', [], `Error: the sandbox could not start (${error instanceof Error ? error.message : ''})`);
  }
  const isolate = s.isolate;
  s.runs++;
  let context: ivm.Context | null = null;
  let control: ivm.Reference | null = null;
  let watchdogFired = false;
  let recycle = false;
  const watchdog = setTimeout(() => {
    watchdogFired = true;
    retire(s);
  }, timeLimitMs + WATCHDOG_GRACE_MS);

  let cpuStart = 0n;
  const remaining = (): number => {
    const used = Number(isolate.cpuTime - cpuStart) / 1e6;
    const left = Math.ceil(timeLimitMs - used);
    if (left <= 0) throw new RunStop('timeout', `Error: time limit exceeded (${timeLimitMs} ms)`);
    return left;
  };
  /** Maps an error from an isolate call to the run's outcome. */
  const stop = (error: unknown, file: string): RunStop => {
    if (error instanceof RunStop) return error;
    if (watchdogFired) return new RunStop('timeout', `Error: time limit exceeded (${timeLimitMs} ms)`);
    if (isMemory(error, isolate)) return new RunStop('memory', `Error: memory limit exceeded (${memoryLimitMb} MB)`);
    if (isTimeout(error)) return new RunStop('timeout', `Error: time limit exceeded (${timeLimitMs} ms)`);
    if (isolate.isDisposed) return new RunStop('error', 'Error: the sandbox stopped unexpectedly');
    return new RunStop('error', describeLoadError(error, file));
  };
  const readOutput = async (): Promise<{ output: string; truncated: boolean }> => {
    if (!control || isolate.isDisposed) return { output: '', truncated: false };
    try {
      const json = await control.apply(undefined, ['output'], { timeout: 50, result: { copy: true } });
      const parsed = JSON.parse(String(json)) as { output?: unknown; truncated?: unknown };
      return {
        output: typeof parsed.output === 'string' ? parsed.output.slice(0, OUTPUT_LIMIT) : '',
        truncated: parsed.truncated === true,
      };
    } catch {
      return { output: '', truncated: false };
    }
  };

  try {
    context = isolate.createContextSync();
    control = s.harness.runSync(context, { reference: true, timeout: HARNESS_TIMEOUT_MS }) as ivm.Reference;
    if (job.revealHidden === true) control.applySync(undefined, ['reveal'], { timeout: HARNESS_TIMEOUT_MS });
    cpuStart = isolate.cpuTime;

    // The learner's code: a classic script, as in a file.
    let script: ivm.Script;
    try {
      script = isolate.compileScriptSync(code, { filename: 'file:///solution.js' });
    } catch (error) {
      throw stop(error, 'solution.js');
    }
    try {
      const value = script.runSync(context, { timeout: remaining(), reference: true });
      if (value instanceof ivm.Reference) value.release();
    } catch (error) {
      throw stop(error, 'solution.js');
    } finally {
      script.release();
    }

    // The lab's test files, each in its own strict function scope: the visible files load and their tests
    // run, then the hidden ones (console output is dropped from the first hidden file on).
    const loadFile = async (i: number, ctl: ivm.Reference): Promise<void> => {
      const hidden = files[i]?.hidden === true;
      const file = hidden ? 'hidden-tests.js' : 'tests.js';
      const key = `${file}\n${sources[i]}`;
      let wrapper = s.testScripts.get(key);
      try {
        if (!wrapper) {
          wrapper = isolate.compileScriptSync(wrapTestFile(sources[i] as string), {
            filename: `file:///${file}`,
            lineOffset: -1,
          });
          if (s.testScripts.size >= CACHED_TEST_SCRIPTS) {
            const [oldest, script] = s.testScripts.entries().next().value as [string, ivm.Script];
            s.testScripts.delete(oldest);
            script.release();
          }
          s.testScripts.set(key, wrapper);
        }
      } catch (error) {
        throw new RunStop(
          'error',
          hidden
            ? "Error: the lab's hidden tests have a syntax error"
            : `Error in the lab's tests: ${describeLoadError(error, file)}`,
        );
      }
      let fn: ivm.Reference | null = null;
      try {
        fn = wrapper.runSync(ctx, { reference: true, timeout: remaining() }) as ivm.Reference;
        const answer = ctl.applySync(undefined, ['load', i, hidden, fn.derefInto()], {
          timeout: remaining(),
          result: { copy: true },
        });
        const loaded = JSON.parse(String(answer)) as { ok?: unknown; message?: unknown };
        if (loaded.ok !== true) {
          throw new RunStop(
            'error',
            hidden
              ? "Error: the lab's hidden tests could not load with your code"
              : `Error: the lab's tests could not load: ${cap(String(loaded.message ?? ''), MESSAGE_LIMIT)}`,
          );
        }
      } catch (error) {
        throw stop(error, file);
      } finally {
        fn?.release();
      }
    };
    // A test still pending once the isolate is idle never settles: it fails and the next one starts.
    const runTests = async (ctl: ivm.Reference): Promise<Collected> => {
      let collected: Collected | null = null;
      for (let round = 0; round <= MAX_TESTS + 1; round++) {
        try {
          ctl.applySync(undefined, ['run'], { timeout: remaining() });
          collected = parseCollected(
            ctl.applySync(undefined, ['collect'], { timeout: remaining(), result: { copy: true } }),
            job.revealHidden === true,
          );
        } catch (error) {
          throw stop(error, 'tests.js');
        }
        if (collected.done) break;
      }
      if (!collected) throw new RunStop('error', 'Error: the tests did not run');
      return collected;
    };
    const ctx = context;
    const order = files.map((f, i) => ({ hidden: f.hidden === true, i }));
    let collected: Collected | null = null;
    for (const phase of [false, true]) {
      const indexes = order.filter((o) => o.hidden === phase).map((o) => o.i);
      if (indexes.length === 0) continue;
      for (const i of indexes) await loadFile(i, control);
      collected = await runTests(control);
    }
    if (!collected) throw new RunStop('error', 'Error: the tests did not run');
    if (collected.tests.length === 0) {
      return finish('error', [], joinOutput(collected.output, collected.truncated, 'Error: this lab has no tests'));
    }
    const status: LabRunStatus = collected.tests.every((t) => t.passed) ? 'passed' : 'failed';
    return finish(status, collected.tests, joinOutput(collected.output, collected.truncated));
  } catch (error) {
    const outcome = error instanceof RunStop ? error : stop(error, 'solution.js');
    if (outcome.status !== 'error' || isolate.isDisposed) recycle = true;
    const { output, truncated } = outcome.status === 'memory' ? { output: '', truncated: false } : await readOutput();
    return finish(outcome.status, [], joinOutput(output, truncated, outcome.message));
  } finally {
    clearTimeout(watchdog);
    try {
      control?.release();
      context?.release();
    } catch {
      // the isolate is gone
    }
    if (recycle || watchdogFired || s.runs >= RECYCLE_AFTER) retire(s);
  }
}
