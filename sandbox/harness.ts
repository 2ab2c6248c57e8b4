/**
 * The in-isolate harness, as source text. It runs first in every fresh context, in strict mode, and:
 * - captures every intrinsic it uses (learner code may rebind globals afterwards, never these);
 * - removes what a lab never needs and could block or outlive a run (SharedArrayBuffer, WebAssembly,
 *   WeakRef, FinalizationRegistry), tames the "override mistake" for a few common properties, then
 *   freezes the intrinsics (constructors, prototypes, namespaces, iterator and generator prototypes);
 * - defines `test`, `expect` and `console` as non-writable, non-configurable globals. The global `test`
 *   registers nothing (only the lab's test files get a registering `test`) and the global `expect` does
 *   not count assertions, so learner code can neither add passing tests nor fake an assertion;
 * - evaluates to the control function. The host keeps it as a Reference on its side; learner code never
 *   sees it. Results leave the isolate only as a JSON string built from harness-owned plain values.
 *
 * A test passes when it finishes without throwing and made at least one assertion. Test files are
 * wrapped in a strict function whose parameters (INJECTED) shadow the globals with the captured originals.
 */

/** Globals handed to every test file as parameters, so rebinding them in learner code changes nothing. */
export const INJECTED = [
  'Object',
  'Array',
  'Math',
  'JSON',
  'Number',
  'String',
  'Boolean',
  'Symbol',
  'Date',
  'Promise',
  'RegExp',
  'Error',
  'TypeError',
  'RangeError',
  'Map',
  'Set',
  'BigInt',
  'Reflect',
  'parseInt',
  'parseFloat',
  'isNaN',
  'isFinite',
] as const;

/** Parameters of a test file's wrapper, in the order the control's `load` passes them. */
export const TEST_FILE_PARAMS = ['test', 'it', 'describe', 'expect', 'console', ...INJECTED];

export interface HarnessLimits {
  /** Console output cap in characters. */
  outputLimit: number;
  /** Most tests a run may register. */
  maxTests: number;
}

export const TRUNCATED_MARKER = '…[output truncated]';

/** Wraps one test file: its declarations stay in its own strict function scope. */
export function wrapTestFile(source: string): string {
  return `(function (${TEST_FILE_PARAMS.join(', ')}) {'use strict';\n${source}\n})`;
}

export function buildHarness(limits: HarnessLimits): string {
  return `(function () {
'use strict';
const g = globalThis;
const O = Object;
const R = Reflect;
const freeze = O.freeze;
const defineProperty = O.defineProperty;
const getOwnPropertyDescriptor = O.getOwnPropertyDescriptor;
const getPrototypeOf = O.getPrototypeOf;
const objectKeys = O.keys;
const is = O.is;
const hasOwn = O.hasOwn;
const apply = R.apply;
const ownKeys = R.ownKeys;
const isArray = Array.isArray;
const stringify = JSON.stringify;
const S = String;
const NumberIsInteger = Number.isInteger;
const MathAbs = Math.abs;
const MathPow = Math.pow;
const MathMin = Math.min;
const P = Promise;
const promiseThen = Promise.prototype.then;
const promiseResolve = Promise.resolve;
const ErrorCtor = Error;
const TypeErrorCtor = TypeError;
const objectToString = O.prototype.toString;
const symbolToString = Symbol.prototype.toString;
const dateGetTime = Date.prototype.getTime;
const regexpTest = RegExp.prototype.test;
const regexpSource = getOwnPropertyDescriptor(RegExp.prototype, 'source').get;
const regexpFlags = getOwnPropertyDescriptor(RegExp.prototype, 'flags').get;
const stringIncludes = String.prototype.includes;
const stringSlice = String.prototype.slice;
const arrayJoin = Array.prototype.join;
const mapEntries = Map.prototype.entries;
const mapSize = getOwnPropertyDescriptor(Map.prototype, 'size').get;
const setValues = Set.prototype.values;
const setSize = getOwnPropertyDescriptor(Set.prototype, 'size').get;
const mapIterNext = getPrototypeOf(new Map().entries()).next;
const setIterNext = getPrototypeOf(new Set().values()).next;
const WM = WeakMap;
const WS = WeakSet;
const injected = [${INJECTED.map((name) => `g.${name}`).join(', ')}];
const OUTPUT_LIMIT = ${limits.outputLimit};
const MAX_TESTS = ${limits.maxTests};
const TRUNCATED = ${JSON.stringify(TRUNCATED_MARKER)};

// Lockdown 1: remove what labs never need and what could block a thread or outlive a run.
for (const name of ['SharedArrayBuffer', 'WebAssembly', 'WeakRef', 'FinalizationRegistry', 'console']) {
  delete g[name];
}

// Lockdown 2: keep "obj.toString = ..." and "this.name = ..." working on instances once prototypes are
// frozen (assigning over a frozen inherited data property would throw otherwise).
const tamedGetters = new WS();
function tame(proto, key) {
  const desc = getOwnPropertyDescriptor(proto, key);
  if (!desc || !('value' in desc)) return;
  const value = desc.value;
  const get = function () { return value; };
  tamedGetters.add(get);
  defineProperty(proto, key, {
    get,
    set: function (v) {
      if (this === proto) throw new TypeErrorCtor('Cannot assign to read only property ' + S(key));
      defineProperty(this, key, { value: v, writable: true, enumerable: true, configurable: true });
    },
    enumerable: desc.enumerable,
    configurable: false,
  });
}
for (const key of ['constructor', 'toString', 'valueOf', 'toLocaleString', 'hasOwnProperty', 'isPrototypeOf', 'propertyIsEnumerable']) {
  tame(O.prototype, key);
}
for (const name of ['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError', 'EvalError', 'URIError', 'AggregateError']) {
  const ctor = g[name];
  if (ctor) for (const key of ['constructor', 'name', 'message', 'toString']) tame(ctor.prototype, key);
}
for (const key of ['constructor', 'toString', 'apply', 'bind', 'call']) tame(Function.prototype, key);
for (const key of ['constructor', 'toString', 'join', 'push', 'pop']) tame(Array.prototype, key);
for (const key of ['constructor', 'then', 'catch', 'finally']) tame(Promise.prototype, key);

// Lockdown 3: freeze the intrinsics.
const frozen = [];
function add(o) { if (o !== null && o !== undefined && (typeof o === 'object' || typeof o === 'function')) frozen.push(o); }
for (const name of ['Object', 'Function', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'Date', 'Promise',
  'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError',
  'URIError', 'SuppressedError', 'ArrayBuffer', 'Uint8Array', 'Int8Array', 'Uint16Array', 'Int16Array',
  'Uint32Array', 'Int32Array', 'BigUint64Array', 'BigInt64Array', 'Uint8ClampedArray', 'Float16Array',
  'Float32Array', 'Float64Array', 'DataView', 'Map', 'Set', 'WeakMap', 'WeakSet', 'BigInt', 'Iterator', 'Proxy',
  'DisposableStack', 'AsyncDisposableStack']) {
  const c = g[name];
  if (typeof c === 'function') { add(c); add(c.prototype); }
}
for (const name of ['JSON', 'Math', 'Reflect', 'Atomics']) add(g[name]);
if (typeof g.Intl === 'object' && g.Intl !== null) {
  add(g.Intl);
  for (const key of objectKeys(getOwnPropertyDescriptor(g, 'Intl').value)) {
    const c = g.Intl[key];
    if (typeof c === 'function') { add(c); add(c.prototype); }
  }
}
const TypedArray = getPrototypeOf(Uint8Array);
add(TypedArray); add(TypedArray.prototype);
function* gen() {}
async function asyncFn() {}
async function* asyncGen() {}
const ArrayIteratorPrototype = getPrototypeOf([][Symbol.iterator]());
add(ArrayIteratorPrototype);
add(getPrototypeOf(ArrayIteratorPrototype));
add(getPrototypeOf(new Map().entries()));
add(getPrototypeOf(new Set().values()));
add(getPrototypeOf(''[Symbol.iterator]()));
add(getPrototypeOf(/a/[Symbol.matchAll]('')));
add(getPrototypeOf(gen)); add(getPrototypeOf(gen).prototype); add(getPrototypeOf(gen.prototype));
add(getPrototypeOf(asyncFn));
add(getPrototypeOf(asyncGen)); add(getPrototypeOf(asyncGen).prototype); add(getPrototypeOf(getPrototypeOf(asyncGen.prototype)));
if (typeof Iterator === 'function' && typeof Iterator.from === 'function') add(getPrototypeOf(Iterator.from({ next() { return { done: true }; } })));
for (const o of frozen) freeze(o);

// Formatting learner values without calling into them (no getters, no toString, no toJSON).
function cut(s, n) { return s.length > n ? apply(stringSlice, s, [0, n]) + '…' : s; }
function safeName(v) {
  try {
    const d = getOwnPropertyDescriptor(v, 'name');
    return d && typeof d.value === 'string' ? cut(d.value, 60) : '';
  } catch { return ''; }
}
function dataProp(v, key) {
  let o = v;
  for (let depth = 0; depth < 8 && o !== null && (typeof o === 'object' || typeof o === 'function'); depth++) {
    const d = getOwnPropertyDescriptor(o, key);
    if (d) return 'value' in d ? d.value : d.get && tamedGetters.has(d.get) ? apply(d.get, o, []) : undefined;
    o = getPrototypeOf(o);
  }
  return undefined;
}
function describeError(e) {
  try {
    if (e !== null && typeof e === 'object') {
      const name = dataProp(e, 'name');
      const message = dataProp(e, 'message');
      if (typeof message === 'string') return cut((typeof name === 'string' && name ? name + ': ' : '') + message, 1000);
    }
    return 'thrown: ' + fmt(e, 1);
  } catch { return 'an exception was thrown'; }
}
function fmt(v, depth) {
  try {
    switch (typeof v) {
      case 'string': return depth === 0 ? v : cut(stringify(v), 200);
      case 'number': return is(v, -0) ? '-0' : S(v);
      case 'bigint': return S(v) + 'n';
      case 'symbol': return apply(symbolToString, v, []);
      case 'function': { const n = safeName(v); return n ? '[Function ' + n + ']' : '[Function]'; }
      case 'object': {
        if (v === null) return 'null';
        if (depth > 2) return isArray(v) ? '[Array]' : '[Object]';
        const tag = apply(objectToString, v, []);
        if (tag === '[object Error]') return '[' + describeError(v) + ']';
        if (tag === '[object Date]') { try { return 'Date(' + S(apply(dateGetTime, v, [])) + ')'; } catch { return '[Date]'; } }
        if (isArray(v)) {
          const parts = [];
          const len = dataProp(v, 'length');
          const n = typeof len === 'number' ? MathMin(len, 20) : 0;
          for (let i = 0; i < n; i++) { const d = getOwnPropertyDescriptor(v, S(i)); parts[i] = d && 'value' in d ? fmt(d.value, depth + 1) : d ? '[Getter]' : '<empty>'; }
          if (typeof len === 'number' && len > 20) parts[20] = '… ' + S(len - 20) + ' more';
          return '[' + apply(arrayJoin, parts, [', ']) + ']';
        }
        const keys = objectKeys(v);
        const parts = [];
        const kind = tag === '[object Object]' ? '' : apply(stringSlice, tag, [8, -1]) + ' ';
        for (let i = 0; i < keys.length && i < 20; i++) {
          const d = getOwnPropertyDescriptor(v, keys[i]);
          parts[i] = cut(keys[i], 60) + ': ' + (d && 'value' in d ? fmt(d.value, depth + 1) : '[Getter]');
        }
        if (keys.length > 20) parts[20] = '…';
        return kind + (parts.length ? '{ ' + apply(arrayJoin, parts, [', ']) + ' }' : '{}');
      }
      default: return S(v);
    }
  } catch { return '[value]'; }
}

// Console: one capped buffer; nothing is kept once a hidden test file or test has started.
let output = '';
let truncated = false;
let hiddenPhase = false;
// The host's 'reveal' (a course manager's check): hidden tests keep their messages and output goes on.
let reveal = false;
function write(args) {
  if ((hiddenPhase && !reveal) || truncated) return;
  let line = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0) line += ' ';
    line += fmt(args[i], 0);
    if (line.length > OUTPUT_LIMIT) break;
  }
  line += '\\n';
  const room = OUTPUT_LIMIT - output.length;
  if (line.length > room) { output += apply(stringSlice, line, [0, room]); truncated = true; return; }
  output += line;
}
function logger() { return function (...args) { write(args); }; }
const consoleObject = freeze({ log: logger(), info: logger(), warn: logger(), error: logger(), debug: logger(), trace: logger(), dir: logger() });

// Assertions.
const assertionMessages = new WM();
let current = null;
function fail(message) {
  const e = new ErrorCtor(message);
  assertionMessages.set(e, message);
  throw e;
}
function equals(a, b, strict, seen, depth) {
  if (is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (depth > 200) return false;
  const ta = apply(objectToString, a, []);
  if (ta !== apply(objectToString, b, [])) return false;
  if (strict && getPrototypeOf(a) !== getPrototypeOf(b)) return false;
  if (ta === '[object Date]') { try { return is(apply(dateGetTime, a, []), apply(dateGetTime, b, [])); } catch { return false; } }
  if (ta === '[object RegExp]') { try { return apply(regexpSource, a, []) === apply(regexpSource, b, []) && apply(regexpFlags, a, []) === apply(regexpFlags, b, []); } catch { return false; } }
  let pairs = seen.get(a);
  if (pairs && pairs.has(b)) return true;
  if (!pairs) { pairs = new WS(); seen.set(a, pairs); }
  pairs.add(b);
  if (isArray(a) !== isArray(b)) return false;
  if (ta === '[object Map]') {
    let sa, sb;
    try { sa = apply(mapSize, a, []); sb = apply(mapSize, b, []); } catch { return false; }
    if (sa !== sb) return false;
    const ia = apply(mapEntries, a, []);
    for (let step = apply(mapIterNext, ia, []); !step.done; step = apply(mapIterNext, ia, [])) {
      const ib = apply(mapEntries, b, []);
      let found = false;
      for (let s2 = apply(mapIterNext, ib, []); !s2.done; s2 = apply(mapIterNext, ib, [])) {
        if (equals(step.value[0], s2.value[0], strict, seen, depth + 1) && equals(step.value[1], s2.value[1], strict, seen, depth + 1)) { found = true; break; }
      }
      if (!found) return false;
    }
    return true;
  }
  if (ta === '[object Set]') {
    let sa, sb;
    try { sa = apply(setSize, a, []); sb = apply(setSize, b, []); } catch { return false; }
    if (sa !== sb) return false;
    const ia = apply(setValues, a, []);
    for (let step = apply(setIterNext, ia, []); !step.done; step = apply(setIterNext, ia, [])) {
      const ib = apply(setValues, b, []);
      let found = false;
      for (let s2 = apply(setIterNext, ib, []); !s2.done; s2 = apply(setIterNext, ib, [])) {
        if (equals(step.value, s2.value, strict, seen, depth + 1)) { found = true; break; }
      }
      if (!found) return false;
    }
    return true;
  }
  const ka = objectKeys(a);
  const kb = objectKeys(b);
  if (isArray(a) && dataProp(a, 'length') !== dataProp(b, 'length')) return false;
  const count = (keys, o) => {
    let n = 0;
    for (let i = 0; i < keys.length; i++) if (strict || o[keys[i]] !== undefined) n++;
    return n;
  };
  if (count(ka, a) !== count(kb, b)) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i];
    const va = a[k];
    if (!strict && va === undefined) continue;
    if (!hasOwn(b, k) && !(va === undefined && !strict)) return false;
    if (!equals(va, b[k], strict, seen, depth + 1)) return false;
  }
  return true;
}
function isNum(v) { return typeof v === 'number' || typeof v === 'bigint'; }
function throwsOf(fn) {
  try { fn(); } catch (e) { return { threw: true, error: e }; }
  return { threw: false, error: undefined };
}
function makeExpect(counting) {
  return function expect(received) {
    if (counting && current) current.assertions++;
    const build = (negated) => {
      const check = (ok, message, negatedMessage) => {
        if (negated ? ok : !ok) fail(negated ? negatedMessage : message);
      };
      const ev = (e) => fmt(e, 1);
      const m = {
        toBe(expected) { check(is(received, expected), 'expected ' + ev(expected) + ', received ' + ev(received), 'expected a value other than ' + ev(expected)); },
        toEqual(expected) { check(equals(received, expected, false, new WM(), 0), 'expected ' + ev(expected) + ', received ' + ev(received), 'expected a value not equal to ' + ev(expected)); },
        toStrictEqual(expected) { check(equals(received, expected, true, new WM(), 0), 'expected ' + ev(expected) + ', received ' + ev(received), 'expected a value not strictly equal to ' + ev(expected)); },
        toBeCloseTo(expected, digits) {
          const d = digits === undefined ? 2 : digits;
          if (typeof received !== 'number' || typeof expected !== 'number' || typeof d !== 'number') fail('toBeCloseTo needs numbers, received ' + ev(received));
          const tolerance = MathPow(10, -d) / 2;
          const ok = (received === Infinity && expected === Infinity) || (received === -Infinity && expected === -Infinity) || MathAbs(expected - received) < tolerance;
          check(ok, 'expected ' + ev(expected) + ' (within ' + S(tolerance) + '), received ' + ev(received), 'expected a value not close to ' + ev(expected) + ', received ' + ev(received));
        },
        toBeTruthy() { check(!!received, 'expected a truthy value, received ' + ev(received), 'expected a falsy value, received ' + ev(received)); },
        toBeFalsy() { check(!received, 'expected a falsy value, received ' + ev(received), 'expected a truthy value, received ' + ev(received)); },
        toBeNull() { check(received === null, 'expected null, received ' + ev(received), 'expected a value other than null'); },
        toBeUndefined() { check(received === undefined, 'expected undefined, received ' + ev(received), 'expected a defined value'); },
        toBeDefined() { check(received !== undefined, 'expected a defined value, received undefined', 'expected undefined, received ' + ev(received)); },
        toContain(item) {
          let ok = false;
          if (typeof received === 'string') ok = typeof item === 'string' && apply(stringIncludes, received, [item]);
          else if (isArray(received)) {
            const len = dataProp(received, 'length');
            for (let i = 0; typeof len === 'number' && i < len && !ok; i++) { const d = getOwnPropertyDescriptor(received, S(i)); ok = !!d && 'value' in d && (d.value === item || is(d.value, item)); }
          } else if (received !== null && typeof received === 'object' && apply(objectToString, received, []) === '[object Set]') {
            const it = apply(setValues, received, []);
            for (let step = apply(setIterNext, it, []); !step.done && !ok; step = apply(setIterNext, it, [])) ok = step.value === item || is(step.value, item);
          } else fail('toContain needs a string, an array or a Set, received ' + ev(received));
          check(ok, 'expected ' + ev(received) + ' to contain ' + ev(item), 'expected ' + ev(received) + ' not to contain ' + ev(item));
        },
        toHaveLength(n) {
          const len = typeof received === 'string' ? received.length : received !== null && (typeof received === 'object' || typeof received === 'function') ? dataProp(received, 'length') : undefined;
          if (typeof len !== 'number') fail('expected a value with a length, received ' + ev(received));
          check(len === n, 'expected length ' + ev(n) + ', received length ' + ev(len), 'expected a length other than ' + ev(n));
        },
        toBeGreaterThan(n) { if (!isNum(received) || !isNum(n)) fail('expected a number, received ' + ev(received)); check(received > n, 'expected a value > ' + ev(n) + ', received ' + ev(received), 'expected a value <= ' + ev(n) + ', received ' + ev(received)); },
        toBeGreaterThanOrEqual(n) { if (!isNum(received) || !isNum(n)) fail('expected a number, received ' + ev(received)); check(received >= n, 'expected a value >= ' + ev(n) + ', received ' + ev(received), 'expected a value < ' + ev(n) + ', received ' + ev(received)); },
        toBeLessThan(n) { if (!isNum(received) || !isNum(n)) fail('expected a number, received ' + ev(received)); check(received < n, 'expected a value < ' + ev(n) + ', received ' + ev(received), 'expected a value >= ' + ev(n) + ', received ' + ev(received)); },
        toBeLessThanOrEqual(n) { if (!isNum(received) || !isNum(n)) fail('expected a number, received ' + ev(received)); check(received <= n, 'expected a value <= ' + ev(n) + ', received ' + ev(received), 'expected a value > ' + ev(n) + ', received ' + ev(received)); },
        toMatch(pattern) {
          if (typeof received !== 'string') fail('toMatch needs a string, received ' + ev(received));
          let ok;
          if (typeof pattern === 'string') ok = apply(stringIncludes, received, [pattern]);
          else if (pattern !== null && typeof pattern === 'object' && apply(objectToString, pattern, []) === '[object RegExp]') ok = apply(regexpTest, pattern, [received]);
          else fail('toMatch needs a string or a RegExp');
          check(ok, 'expected ' + ev(received) + ' to match ' + ev(pattern), 'expected ' + ev(received) + ' not to match ' + ev(pattern));
        },
        toThrow(expected) {
          if (typeof received !== 'function') fail('toThrow needs a function, received ' + ev(received));
          const r = throwsOf(received);
          let ok = r.threw;
          let detail = '';
          if (r.threw && expected !== undefined) {
            const message = dataProp(r.error, 'message');
            const text = typeof message === 'string' ? message : '';
            if (typeof expected === 'string') ok = apply(stringIncludes, text, [expected]);
            else if (expected !== null && typeof expected === 'object' && apply(objectToString, expected, []) === '[object RegExp]') ok = apply(regexpTest, expected, [text]);
            else if (typeof expected === 'function') { try { ok = r.error instanceof expected; } catch { ok = false; } }
            detail = ', it threw ' + describeError(r.error);
          }
          const what = expected === undefined ? '' : ' matching ' + ev(expected);
          check(ok, 'expected the function to throw' + what + (r.threw ? detail : ', it did not throw'), 'expected the function not to throw' + what + (r.threw ? ', it threw ' + describeError(r.error) : ''));
        },
      };
      return freeze(m);
    };
    const matchers = build(false);
    return freeze({ ...matchers, not: build(true) });
  };
}

// Tests.
const tests = [];
let loading = -1;
let prefix = '';
function makeTest(file, hidden) {
  return function test(name, fn) {
    if (loading !== file) throw new ErrorCtor('test() must be called while the test file loads');
    if (typeof fn !== 'function') throw new TypeErrorCtor('test(name, fn) needs a function');
    if (tests.length >= MAX_TESTS) throw new ErrorCtor('too many tests (the limit is ' + S(MAX_TESTS) + ')');
    const label = prefix + (typeof name === 'string' ? name : fmt(name, 1));
    tests.push({ name: cut(label, 200), fn, hidden, passed: false, message: null, assertions: 0, state: 'pending' });
  };
}
function makeDescribe(file) {
  return function describe(name, fn) {
    if (loading !== file) throw new ErrorCtor('describe() must be called while the test file loads');
    const saved = prefix;
    prefix = saved + (typeof name === 'string' ? name : fmt(name, 1)) + ' › ';
    try { fn(); } finally { prefix = saved; }
  };
}
function inertTest() {
  write(['note: test() calls in your code are ignored; the lab runs its own tests after your code']);
}
const globalExpect = makeExpect(false);

function finish(t, threw, error) {
  if (t.state !== 'running') return;
  t.state = 'done';
  if (threw) {
    t.passed = false;
    const known = error !== null && (typeof error === 'object' || typeof error === 'function') ? assertionMessages.get(error) : undefined;
    t.message = known !== undefined ? known : describeError(error);
  } else if (t.assertions === 0) {
    t.passed = false;
    t.message = 'the test made no assertions';
  } else {
    t.passed = true;
    t.message = null;
  }
}
let index = 0;
let done = false;
function runFrom() {
  while (index < tests.length) {
    const t = tests[index];
    current = t;
    t.state = 'running';
    if (t.hidden) hiddenPhase = true;
    let r;
    try { r = t.fn(); } catch (e) { finish(t, true, e); index++; continue; }
    if (r !== null && (typeof r === 'object' || typeof r === 'function')) {
      let p;
      try { p = apply(promiseResolve, P, [r]); } catch (e) { finish(t, true, e); index++; continue; }
      apply(promiseThen, p, [
        function () { if (t.state === 'running' && current === t) { finish(t, false); index++; runFrom(); } },
        function (e) { if (t.state === 'running' && current === t) { finish(t, true, e); index++; runFrom(); } },
      ]);
      return;
    }
    finish(t, false);
    index++;
  }
  current = null;
  done = true;
}

defineProperty(g, 'console', { value: consoleObject, writable: false, enumerable: false, configurable: false });
defineProperty(g, 'test', { value: inertTest, writable: false, enumerable: false, configurable: false });
defineProperty(g, 'expect', { value: globalExpect, writable: false, enumerable: false, configurable: false });

const countingExpect = makeExpect(true);
return function control(op, a, b, c) {
  if (op === 'load') {
    const file = a;
    const hidden = b === true;
    if (hidden) hiddenPhase = true;
    done = false;
    loading = file;
    try {
      const t = makeTest(file, hidden);
      apply(c, undefined, [t, t, makeDescribe(file), countingExpect, consoleObject, ...injected]);
      return stringify({ ok: true });
    } catch (e) {
      return stringify({ ok: false, message: describeError(e) });
    } finally {
      loading = -1;
      prefix = '';
    }
  }
  if (op === 'run') {
    if (current && current.state === 'running') {
      current.state = 'done';
      current.passed = false;
      current.message = 'the test did not finish: it waits for a promise that never settles';
      index++;
    }
    runFrom();
    return undefined;
  }
  if (op === 'collect') {
    const list = [];
    for (let i = 0; i < tests.length; i++) {
      const t = tests[i];
      list.push({ name: t.name, passed: t.passed, message: t.passed ? null : t.hidden && !reveal ? 'Hidden test failed' : t.message, hidden: t.hidden });
    }
    return stringify({ done, count: tests.length, tests: list, output, truncated });
  }
  if (op === 'output') return stringify({ output, truncated });
  if (op === 'reveal') {
    reveal = true;
    return undefined;
  }
  return undefined;
};
})()`;
}
