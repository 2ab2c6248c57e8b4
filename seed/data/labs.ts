/**
 * The demo's code labs (seed/steps/labs.ts). The `sum` lab's tests come from the sandbox's own
 * fixture (sandbox/fixtures.ts SUM_LAB), so the seed, the attack suite and the bench grade the same lab.
 */
import { SUM_LAB } from '../../sandbox/fixtures.ts';

export interface LabSeed {
  course: string;
  slug: string;
  title: string;
  language: 'javascript' | 'typescript';
  /** The title of the lab lesson the lab stands for, or null for a lab outside the curriculum. */
  lessonTitle: string | null;
  status: 'draft' | 'published';
  instructionsMd: string;
  starterCode: string;
  visibleTests: string;
  hiddenTests: string;
  referenceSolution: string;
  points: number;
  timeLimitMs: number;
  memoryLimitMb: number;
}

export const SUM: LabSeed = {
  course: 'html-css-foundations',
  slug: SUM_LAB.slug,
  title: SUM_LAB.title,
  language: SUM_LAB.language,
  lessonTitle: 'Lab: add two numbers',
  status: 'published',
  instructionsMd: SUM_LAB.instructionsMd,
  starterCode: SUM_LAB.starterCode,
  visibleTests: SUM_LAB.visibleTests,
  hiddenTests: SUM_LAB.hiddenTests,
  referenceSolution: SUM_LAB.referenceSolution,
  points: 10,
  timeLimitMs: 1000,
  memoryLimitMb: 32,
};

export const WORD_COUNT: LabSeed = {
  course: 'typescript-for-javascript-developers',
  slug: 'word-count',
  title: 'Count the words',
  language: 'typescript',
  lessonTitle: 'Lab: count the words',
  status: 'published',
  instructionsMd: `Write a typed function \`wordCount(text: string): Record<string, number>\` that counts how often each
word occurs in \`text\`.

- Words are separated by any whitespace (spaces, tabs, new lines).
- Counting ignores case: \`Go\` and \`go\` are the same word, reported in lower case.
- Punctuation around a word does not count: \`"Hello,"\` is \`hello\`.
- An empty text (or only whitespace) gives an empty object.

\`\`\`ts
wordCount('the cat and the hat'); // { the: 2, cat: 1, and: 1, hat: 1 }
\`\`\`

Your code is TypeScript: annotate the parameter and the result. **Run** checks the visible tests;
**Submit** also grades hidden tests on case, punctuation and whitespace.
`,
  starterCode: `function wordCount(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  // Split the text into words and count each one.
  return counts;
}
`,
  visibleTests: `test('counts each word', () => {
  expect(wordCount('the cat and the hat')).toEqual({ the: 2, cat: 1, and: 1, hat: 1 });
});

test('an empty text has no words', () => {
  expect(wordCount('')).toEqual({});
});
`,
  hiddenTests: `test('ignores case', () => {
  expect(wordCount('Go go GO')).toEqual({ go: 3 });
});

test('ignores punctuation around words', () => {
  expect(wordCount('Hello, world! Hello.')).toEqual({ hello: 2, world: 1 });
});

test('splits on any whitespace', () => {
  expect(wordCount('  a\\n\\tb   a ')).toEqual({ a: 2, b: 1 });
  expect(wordCount(' \\n\\t ')).toEqual({});
});
`,
  referenceSolution: `function wordCount(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const raw of text.toLowerCase().split(/\\s+/)) {
    const word = raw.replace(/^[^\\p{L}\\p{N}']+|[^\\p{L}\\p{N}']+$/gu, '');
    if (word) counts[word] = (counts[word] ?? 0) + 1;
  }
  return counts;
}
`,
  points: 20,
  timeLimitMs: 1000,
  memoryLimitMb: 32,
};

/** A draft, outside the curriculum: what the instructor's lab editor shows before publishing. */
export const CHUNK: LabSeed = {
  course: 'typescript-for-javascript-developers',
  slug: 'chunk',
  title: 'Split an array into chunks',
  language: 'typescript',
  lessonTitle: null,
  status: 'draft',
  instructionsMd: `Write a generic function \`chunk<T>(items: T[], size: number): T[][]\` that splits \`items\` into
arrays of \`size\` items (the last one may be shorter). A \`size\` below 1 throws a \`RangeError\`.
`,
  starterCode: `function chunk<T>(items: T[], size: number): T[][] {
  return [];
}
`,
  visibleTests: `test('splits evenly', () => {
  expect(chunk([1, 2, 3, 4], 2)).toEqual([[1, 2], [3, 4]]);
});
`,
  hiddenTests: `test('keeps a shorter last chunk', () => {
  expect(chunk(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
});

test('refuses a size below 1', () => {
  expect(() => chunk([1], 0)).toThrow('size');
});
`,
  referenceSolution: `function chunk<T>(items: T[], size: number): T[][] {
  if (!(size >= 1)) throw new RangeError('size must be at least 1');
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
`,
  points: 10,
  timeLimitMs: 1000,
  memoryLimitMb: 32,
};

export const LABS: LabSeed[] = [SUM, WORD_COUNT, CHUNK];
