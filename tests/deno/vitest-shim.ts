/**
 * The slice of vitest's API that edge/ tests use, on top of Deno.test, so the very same
 * test files run under vitest on Node and under `deno test` (see scripts/test-deno.mjs).
 * `expect` is Jest's, which vitest's mirrors for the matchers we use.
 */
import { expect as jestExpect } from 'expect';

type Fn = () => unknown | Promise<unknown>;
interface Suite {
  name: string;
  parent: Suite | null;
  beforeAll: Fn[];
  afterAll: Fn[];
  beforeEach: Fn[];
  afterEach: Fn[];
  tests: number;
  started: boolean;
  finished: number;
}

declare const Deno: {
  test(def: {
    name: string;
    fn: () => Promise<void>;
    sanitizeOps: boolean;
    sanitizeResources: boolean;
    ignore?: boolean;
  }): void;
};

const root: Suite = {
  name: '',
  parent: null,
  beforeAll: [],
  afterAll: [],
  beforeEach: [],
  afterEach: [],
  tests: 0,
  started: false,
  finished: 0,
};
let current = root;

function chain(s: Suite): Suite[] {
  const out: Suite[] = [];
  for (let x: Suite | null = s; x; x = x.parent) out.unshift(x);
  return out;
}

function fullName(s: Suite, name: string) {
  return [
    ...chain(s)
      .map((x) => x.name)
      .filter(Boolean),
    name,
  ].join(' > ');
}

function register(name: string, fn: Fn, skip = false) {
  const suite = current;
  for (const s of chain(suite)) s.tests++;
  Deno.test({
    name: fullName(suite, name),
    sanitizeOps: false,
    sanitizeResources: false,
    ignore: skip,
    async fn() {
      const suites = chain(suite);
      for (const s of suites) {
        if (!s.started) {
          s.started = true;
          for (const h of s.beforeAll) await h();
        }
      }
      try {
        for (const s of suites) for (const h of s.beforeEach) await h();
        await fn();
      } finally {
        for (const s of [...suites].reverse()) for (const h of s.afterEach) await h();
        for (const s of [...suites].reverse()) {
          s.finished++;
          if (s.finished === s.tests) for (const h of s.afterAll) await h();
        }
      }
    },
  });
}

function format(template: string, args: unknown[]): string {
  let i = 0;
  return template.replace(/%[sdio]/g, () => String(args[i++]));
}

// biome-ignore lint/suspicious/noExplicitAny: vitest's each() passes rows of any shape to the test function
type Each = <T>(table: readonly T[]) => (name: string, fn: (...args: any[]) => unknown) => void;
const each: Each = (table) => (name, fn) => {
  for (const row of table) {
    const args = Array.isArray(row) ? row : [row];
    register(format(name, args), () => fn(...args));
  }
};

export const it = Object.assign((name: string, fn: Fn) => register(name, fn), {
  each,
  skip: (name: string, fn: Fn) => register(name, fn, true),
});
export const test = it;

export function describe(name: string, body: () => void) {
  const suite: Suite = {
    name,
    parent: current,
    beforeAll: [],
    afterAll: [],
    beforeEach: [],
    afterEach: [],
    tests: 0,
    started: false,
    finished: 0,
  };
  const previous = current;
  current = suite;
  try {
    body();
  } finally {
    current = previous;
  }
}

export const beforeAll = (fn: Fn) => void current.beforeAll.push(fn);
export const afterAll = (fn: Fn) => void current.afterAll.push(fn);
export const beforeEach = (fn: Fn) => void current.beforeEach.push(fn);
export const afterEach = (fn: Fn) => void current.afterEach.push(fn);
/** vitest's expect takes an optional failure message as a second argument; Jest's does not. */
export const expect = Object.assign((actual: unknown, _message?: string) => jestExpect(actual), jestExpect);
