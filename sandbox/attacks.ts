/**
 * The attack suite: submissions against the `sum` lab (fixtures.ts) that try to hang, exhaust, escape or
 * fake a pass. Each names the statuses the learner may see and the most score it may get (tampering: 0).
 * Used by sandbox/attacks.test.ts (through a real pool) and by the API-level attack test.
 */
import type { LabRunStatus } from '../edge/labs/runner.ts';

export interface LabAttack {
  name: string;
  code: string;
  expect: LabRunStatus[];
  /** Highest score allowed (default 0). */
  maxScore?: number;
  /** The data API refuses this submission before it reaches a runner: the HTTP status and error code it answers. */
  refusedByApi?: { status: number; code: string };
}

const WASM_INFINITE_LOOP =
  '[0x00,0x61,0x73,0x6d,0x01,0x00,0x00,0x00,0x01,0x04,0x01,0x60,0x00,0x00,0x03,0x02,0x01,0x00,0x08,0x01,0x00,0x0a,0x09,0x01,0x07,0x00,0x03,0x40,0x0c,0x00,0x0b,0x0b]';

export const ATTACKS: LabAttack[] = [
  // Loops and hangs.
  { name: 'infinite for loop at load', code: 'for (;;) {}\nfunction sum(a, b) { return a + b; }', expect: ['timeout'] },
  { name: 'infinite while loop inside sum', code: 'function sum(a, b) { while (true) {} }', expect: ['timeout'] },
  {
    name: 'recursion that catches its own stack overflow',
    code: 'function f() { try { f(); } catch { f(); } }\nf();\nfunction sum(a, b) { return a + b; }',
    expect: ['timeout'],
  },
  {
    name: 'async loop (await in while true)',
    code: '(async () => { while (true) await null; })();\nfunction sum(a, b) { return a + b; }',
    expect: ['timeout'],
  },
  {
    name: 'promise loop (then chain that never ends)',
    code: 'function loop() { Promise.resolve().then(loop); }\nloop();\nfunction sum(a, b) { return a + b; }',
    expect: ['timeout'],
  },
  {
    name: 'sum answers a promise that never settles',
    code: 'function sum(a, b) { return new Promise(() => {}); }',
    expect: ['failed'],
  },
  {
    name: 'a never-settling promise at load does not hang the run',
    code: 'new Promise(() => {});\nfunction sum(a, b) { return a + b; }',
    expect: ['passed'],
    maxScore: 100,
  },
  // Memory.
  {
    name: 'array memory bomb',
    code: 'const keep = [];\nwhile (true) keep.push(new Array(10000).fill(1));',
    expect: ['memory', 'error'],
  },
  {
    name: 'object memory bomb',
    code: "const o = {};\nlet i = 0;\nwhile (true) o['k' + i++] = { i, s: 'x' + i };",
    expect: ['memory', 'timeout', 'error'],
  },
  {
    name: 'Map memory bomb',
    code: 'const m = new Map();\nlet i = 0;\nwhile (true) m.set(i++, [i, i, i, i]);',
    expect: ['memory', 'timeout', 'error'],
  },
  { name: 'string repeat bomb', code: "const s = 'x'.repeat(2 ** 29);", expect: ['error', 'memory'] },
  {
    name: 'string doubling bomb',
    code: "let s = 'x';\nwhile (true) s += s;\nfunction sum(a, b) { return a + b; }",
    expect: ['error', 'memory'],
  },
  {
    name: 'typed array bomb',
    code: 'const keep = [];\nwhile (true) keep.push(new Uint8Array(1 << 20).fill(1));',
    expect: ['memory', 'error'],
  },
  {
    name: 'huge ArrayBuffer',
    code: 'const b = new ArrayBuffer(2 ** 31);\nnew Uint8Array(b).fill(1);',
    expect: ['error', 'memory'],
  },
  // Stack.
  { name: 'deep recursion at load', code: 'function f(n) { return f(n + 1) + 1; }\nf(0);', expect: ['error'] },
  { name: 'deep recursion inside sum', code: 'function sum(a, b) { return sum(a, b); }', expect: ['failed'] },
  // Output.
  {
    name: 'output flood (a million lines)',
    code: "for (let i = 0; i < 1e6; i++) console.log('spam ' + i);\nfunction sum(a, b) { return a + b; }",
    expect: ['passed', 'timeout'],
    maxScore: 100,
  },
  { name: 'endless output', code: "while (true) console.log('x'.repeat(1000));", expect: ['timeout'] },
  // Node capabilities.
  { name: 'process.exit', code: 'process.exit(1);\nfunction sum(a, b) { return a + b; }', expect: ['error'] },
  {
    name: 'process is absent',
    code: "function sum(a, b) { return typeof process === 'object' ? a + b : NaN; }",
    expect: ['failed'],
  },
  {
    name: 'require',
    code: "const fs = require('fs');\nfunction sum(a, b) { return a + b; }",
    expect: ['error'],
  },
  {
    name: 'dynamic import() fails',
    code: "let ok = false;\nimport('node:fs').then(() => { ok = true; }, () => {});\nfunction sum(a, b) { return ok ? a + b : NaN; }",
    expect: ['failed'],
  },
  { name: 'static import', code: "import fs from 'node:fs';\nfunction sum(a, b) { return a + b; }", expect: ['error'] },
  // Escapes.
  {
    name: 'constructor chain to process',
    code: "const p = this.constructor.constructor('return process')();\nfunction sum(a, b) { return p ? a + b : NaN; }",
    expect: ['error'],
  },
  {
    name: 'Function constructor global has no Node objects',
    code: "const g = Function('return this')();\nfunction sum(a, b) { return g.process || g.require || g.Buffer ? a + b : NaN; }",
    expect: ['failed'],
  },
  {
    name: 'Error.prepareStackTrace to reach harness functions',
    code: `Error.prepareStackTrace = (e, frames) => frames;
function sum(a, b) {
  const frames = new Error().stack;
  if (Array.isArray(frames)) {
    for (const f of frames) {
      const fn = f.getFunction && f.getFunction();
      if (fn) return a + b;
    }
  }
  return NaN;
}`,
    expect: ['failed'],
  },
  {
    name: 'arguments.callee.caller to reach the test or harness',
    code: `function sum(a, b) {
  const caller = arguments.callee.caller;
  return caller ? a + b : NaN;
}`,
    expect: ['failed'],
  },
  // Tampering with the test API or globals to report a pass (no points, ever).
  {
    name: 'redefine test and expect by assignment',
    code: 'test = () => {};\nexpect = () => ({ toBe() {}, toBeCloseTo() {} });\nglobalThis.expect = expect;\nfunction sum(a, b) { return NaN; }',
    expect: ['failed', 'error'],
  },
  {
    name: 'redefine expect with defineProperty',
    code: "Object.defineProperty(globalThis, 'expect', { value: () => ({ toBe() {} }) });\nfunction sum(a, b) { return NaN; }",
    expect: ['error', 'failed'],
  },
  {
    name: 'shadow expect with a top-level let',
    code: 'let expect = () => ({ toBe() {}, toBeCloseTo() {} });\nfunction sum(a, b) { return NaN; }',
    expect: ['error'],
  },
  {
    name: 'register fake passing tests through the global test',
    code: "for (let i = 0; i < 100; i++) test('fake ' + i, () => {});\nfunction sum(a, b) { return NaN; }",
    expect: ['failed'],
  },
  {
    name: 'patch Object.prototype with a passed getter',
    code: "try { Object.defineProperty(Object.prototype, 'passed', { get() { return true; } }); } catch {}\ntry { Object.prototype.message = null; } catch {}\nfunction sum(a, b) { return NaN; }",
    expect: ['failed'],
  },
  {
    name: 'patch Array.prototype',
    code: 'try { Array.prototype.every = () => true; } catch {}\ntry { Array.prototype.push = function () {}; } catch {}\ntry { Array.prototype.filter = () => []; } catch {}\nfunction sum(a, b) { return NaN; }',
    expect: ['failed'],
  },
  {
    name: 'patch Promise.prototype.then',
    code: 'try { Promise.prototype.then = function (ok) { ok(); }; } catch {}\nfunction sum(a, b) { return Promise.resolve(NaN); }',
    expect: ['failed'],
  },
  {
    name: 'patch JSON.stringify (and rebind JSON)',
    code: `const fake = () => '{"done":true,"count":5,"tests":[{"name":"x","passed":true,"message":null,"hidden":false}],"output":"","truncated":false}';
try { JSON.stringify = fake; } catch {}
globalThis.JSON = { stringify: fake, parse: () => ({}) };
function sum(a, b) { return NaN; }`,
    expect: ['failed'],
  },
  {
    name: 'patch Object.is (and rebind Object)',
    code: 'try { Object.is = () => true; } catch {}\nglobalThis.Object = { is: () => true, keys: () => [] };\nfunction sum(a, b) { return NaN; }',
    expect: ['failed'],
  },
  {
    name: 'throw an object that looks like a pass',
    code: "function sum(a, b) { throw { passed: true, message: null, name: 'pass', get hidden() { return false; } }; }",
    expect: ['failed'],
  },
  {
    name: 'throw a hostile Proxy',
    code: 'function sum(a, b) { throw new Proxy({}, { get() { throw new Error("boom"); }, getPrototypeOf() { throw 1; }, ownKeys() { throw 2; } }); }',
    expect: ['failed'],
  },
  {
    name: 'global passed getter',
    code: "Object.defineProperty(globalThis, 'passed', { get() { return true; } });\nfunction sum(a, b) { return NaN; }",
    expect: ['failed'],
  },
  {
    name: 'overwrite console (output is still captured)',
    code: "try { console = null; } catch {}\ntry { console.log = function () {}; } catch {}\nconsole.log('still captured');\nfunction sum(a, b) { return a + b; }",
    expect: ['passed'],
    maxScore: 100,
  },
  {
    name: 'a value that pretends to be the number',
    code: 'function sum(a, b) { return { valueOf() { return a + b; }, toString() { return String(a + b); } }; }',
    expect: ['failed'],
  },
  // Threads and WebAssembly.
  {
    name: 'Atomics.wait on a SharedArrayBuffer',
    code: 'const sab = new SharedArrayBuffer(16);\nAtomics.wait(new Int32Array(sab), 0, 0);\nfunction sum(a, b) { return a + b; }',
    expect: ['error', 'timeout'],
  },
  {
    name: 'Atomics.wait on a plain buffer',
    code: 'Atomics.wait(new Int32Array(4), 0, 0);\nfunction sum(a, b) { return a + b; }',
    expect: ['error', 'timeout'],
  },
  {
    name: 'WebAssembly infinite loop',
    code: `const bytes = new Uint8Array(${WASM_INFINITE_LOOP});\nnew WebAssembly.Instance(new WebAssembly.Module(bytes));\nfunction sum(a, b) { return a + b; }`,
    expect: ['error', 'timeout'],
  },
  {
    name: 'SharedArrayBuffer, Worker and WebAssembly are absent',
    code: "function sum(a, b) { return typeof SharedArrayBuffer === 'undefined' && typeof Worker === 'undefined' && typeof WebAssembly === 'undefined' ? NaN : a + b; }",
    expect: ['failed'],
  },
  // Time and randomness.
  {
    name: 'replace Math.random',
    code: 'try { Math.random = () => 0.5; } catch {}\nfunction sum(a, b) { return Math.random() === 0.5 ? a + b : NaN; }',
    expect: ['failed'],
  },
  {
    name: 'replace Date.now',
    code: 'try { Date.now = () => 0; } catch {}\nfunction sum(a, b) { return Date.now() === 0 ? a + b : NaN; }',
    expect: ['failed'],
  },
  {
    name: 'rebind Date and Math globally (tests keep the real ones)',
    code: 'globalThis.Math = { random: () => 0, abs: () => 0, pow: () => 1 };\nglobalThis.Date = class { static now() { return 0; } };\nfunction sum(a, b) { return NaN; }',
    expect: ['failed'],
  },
  // Source.
  {
    name: 'oversized source',
    code: `function sum(a, b) { return a + b; }\n//${'x'.repeat(100_001)}`,
    expect: ['error'],
    refusedByApi: { status: 413, code: 'code_too_large' },
  },
  { name: 'syntax error', code: 'function sum(a, b) { return a + ; }', expect: ['error'] },
];
