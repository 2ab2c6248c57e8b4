// The `sum` lab: the seed's JavaScript lab, the attack suite's target and the bench's typical lab.

const visibleTests = `test('sum(1, 2) is 3', () => {
  expect(sum(1, 2)).toBe(3);
});

test('sum(0, 0) is 0', () => {
  expect(sum(0, 0)).toBe(0);
});
`;

const hiddenTests = `test('adds larger integers', () => {
  expect(sum(40, 2)).toBe(42);
  expect(sum(1000000, 2345678)).toBe(3345678);
});

test('adds negative numbers', () => {
  expect(sum(-5, 3)).toBe(-2);
  expect(sum(-7, -8)).toBe(-15);
});

test('adds floats', () => {
  expect(sum(0.1, 0.2)).toBeCloseTo(0.3, 10);
  expect(sum(-1.5, 0.25)).toBeCloseTo(-1.25);
});
`;

export const SUM_LAB = {
  slug: 'sum',
  title: 'Add two numbers',
  language: 'javascript' as const,
  instructionsMd: `Write a function \`sum(a, b)\` that returns the sum of the numbers \`a\` and \`b\`.

Declare it at the top level of your code, as in a file:

\`\`\`js
function sum(a, b) {
  // ...
}
\`\`\`

**Run** checks your code against the visible tests. **Submit** grades it against hidden tests too
(integers, negative numbers and floats).
`,
  starterCode: `function sum(a, b) {
  // Return the sum of a and b.
}
`,
  visibleTests,
  hiddenTests,
  referenceSolution: `function sum(a, b) {
  return a + b;
}
`,
};
