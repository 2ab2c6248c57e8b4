import { md } from './md.ts';

/**
 * The demo blog: four categories and six articles on the demo courses' subjects, by the demo
 * instructors. One is featured, one is scheduled for five days after seeding, one is a draft;
 * the others were published over the past weeks. Plus one confirmed newsletter subscriber.
 */

/** md`...` with inline code: the raw template keeps the backslash of an escaped backtick, so it goes here. */
const article = (strings: TemplateStringsArray, ...values: unknown[]) => md(strings, ...values).replaceAll('\\`', '`');

export interface SeedBlogCategory {
  slug: string;
  name: string;
  description: string;
}

export interface SeedBlogPost {
  slug: string;
  title: string;
  excerpt: string;
  body: string;
  author: string;
  category: string;
  tags: string[];
  featured?: boolean;
  /** Days before the seed's clock (negative: scheduled in the future); null: a draft. */
  daysAgo: number | null;
}

export const BLOG_CATEGORIES: SeedBlogCategory[] = [
  { slug: 'learning', name: 'Learning how to learn', description: 'Study habits that make a course stick.' },
  { slug: 'web-development', name: 'Web development', description: 'HTML, CSS, JavaScript and TypeScript.' },
  { slug: 'data', name: 'Data & analytics', description: 'SQL, Python and statistics in practice.' },
  { slug: 'developer-tools', name: 'Developer tools', description: 'Git, containers and the daily workflow.' },
];

export const BLOG_SUBSCRIBER = 'reader@demo.test';

export const BLOG_POSTS: SeedBlogPost[] = [
  {
    slug: 'how-to-finish-an-online-course',
    title: 'How to actually finish an online course',
    excerpt: 'Most people who start an online course never finish it. Four habits change the odds.',
    author: 'instructor@demo.test',
    category: 'learning',
    tags: ['study-habits', 'motivation'],
    featured: true,
    daysAgo: 21,
    body: article`
      Most people who start an online course never reach the last lesson. It is rarely the material:
      it is that nothing in an ordinary week protects the time. These four habits are the ones our
      learners who finish have in common.

      ## Book the time like a meeting

      "I'll study when I have a moment" means never. Put two or three 30-minute blocks in your
      calendar, on the same days each week, and treat them like a meeting with a colleague. Short,
      regular sessions beat a heroic Sunday afternoon: your memory consolidates between them.

      ## Finish each session with the next step written down

      Before you close the player, write one line: *"Next: lesson 4, the flexbox exercise."* Starting
      is the hardest part of a session, and a written next step removes the decision.

      ## Do the exercises, even the easy ones

      Watching a lesson feels like learning; typing the code is learning. When a lesson has a quiz or
      a lab, do it before moving on. Getting something wrong now is cheaper than discovering the gap
      in week six.

      ## Make your progress visible

      The dashboard shows your percentage for each course. Look at it at the start of every session.
      Seeing *42%* turn into *50%* is a small reward, and small rewards are what keep a habit alive.

      Pick one course, book the first three sessions now, and write down the first next step.
    `,
  },
  {
    slug: 'spaced-repetition-for-developers',
    title: 'Spaced repetition for developers',
    excerpt: 'Why you forget the syntax you learned last month, and a ten-minute routine that fixes it.',
    author: 'maya@demo.test',
    category: 'learning',
    tags: ['study-habits', 'memory', 'javascript'],
    daysAgo: 14,
    body: article`
      You learned \`Array.prototype.reduce\` last month. Today you reach for it and the argument
      order is gone. That is the forgetting curve: without review, most of what we learn fades
      within days.

      ## Review just before you would forget

      Spaced repetition schedules each review at a growing interval: a day, three days, a week, a
      month. Every successful recall pushes the next review further away, so the cost per fact falls
      over time.

      ## A routine that fits in ten minutes

      1. After each lesson, write three questions whose answers you want to keep, for example
         *"What does \`reduce\` return for an empty array without an initial value?"*
      2. Answer yesterday's questions, then last week's, **from memory**, before looking anything up.
      3. Move a question you got right to a later review; keep the ones you missed for tomorrow.

      ## Retrieval beats rereading

      Rereading notes feels productive because the text looks familiar. Trying to recall it, and
      failing a little, is what strengthens memory. The quizzes at the end of each course section
      are there for exactly this: take them again a week later.
    `,
  },
  {
    slug: 'semantic-html-fixes-accessibility',
    title: 'Five HTML elements that fix most accessibility bugs',
    excerpt: 'Before you reach for ARIA: button, label, nav, main and headings in order solve most problems.',
    author: 'instructor@demo.test',
    category: 'web-development',
    tags: ['html', 'accessibility'],
    daysAgo: 9,
    body: article`
      Accessibility audits of small sites keep finding the same handful of problems, and most of them
      disappear when the right HTML element is used instead of a styled \`div\`.

      ## 1. \`<button>\` for anything that does something

      A \`div\` with a click handler cannot be reached with the Tab key and does not react to Enter or
      Space. A \`<button type="button">\` does all of that for free.

      ## 2. \`<label>\` for every form control

      A placeholder is not a label: it disappears as soon as someone types. Connect a \`<label for>\`
      to each input so screen readers announce it and clicking the text focuses the field.

      ## 3. \`<nav>\` and 4. \`<main>\`

      Landmarks let screen reader users jump straight to the navigation or the content. One \`<main>\`
      per page, and a \`<nav>\` with an \`aria-label\` when there are several.

      ## 5. Headings in order

      People using assistive technology skim a page by its headings. Use one \`h1\`, then \`h2\` for
      sections and \`h3\` inside them, without skipping levels to get a smaller font: that is what
      CSS is for.

      The *HTML & CSS Foundations* course walks through each of these with exercises.
    `,
  },
  {
    slug: 'reading-a-sql-query-plan',
    title: 'Reading a SQL query plan without fear',
    excerpt: 'EXPLAIN output looks cryptic. Three things to look for tell you why a query is slow.',
    author: 'maya@demo.test',
    category: 'data',
    tags: ['sql', 'performance'],
    daysAgo: 4,
    body: article`
      When a report that took a second now takes a minute, the database will tell you why, if you ask
      it: put \`EXPLAIN ANALYZE\` in front of the query.

      ~~~sql
      explain analyze
      select customer_id, sum(amount)
      from orders
      where created_at >= now() - interval '30 days'
      group by customer_id;
      ~~~

      ## Read it from the inside out

      The most indented line runs first. Each line is a step, with its estimated and actual row
      counts and its time.

      ## Three things to look for

      - **Seq Scan on a big table** with a filter that keeps few rows: an index on the filtered
        column (here \`created_at\`) usually helps.
      - **Estimated rows far from actual rows**: the planner is guessing. Run \`ANALYZE\` so its
        statistics are current.
      - **Nested Loop over many rows**: often a join on a column without an index.

      Change one thing at a time and run \`EXPLAIN ANALYZE\` again. The *SQL for Analysts* course has a
      whole section on indexes and plans.
    `,
  },
  {
    slug: 'commit-messages-your-future-self-will-thank-you-for',
    title: 'Commit messages your future self will thank you for',
    excerpt: 'A commit message is a note to the person debugging this code in a year. Usually you.',
    author: 'sam@demo.test',
    category: 'developer-tools',
    tags: ['git', 'workflow'],
    daysAgo: -5,
    body: article`
      \`git log\` is the only documentation that is always in sync with the code. Whether it helps
      depends on the messages.

      ## The shape

      A short summary line (about 50 characters, imperative: *"Fix rounding of tax on refunds"*), a
      blank line, then a body that says **why** the change was needed. The diff already shows what
      changed.

      ## One change per commit

      A commit that fixes a bug, renames a module and reformats a file cannot be reverted safely.
      Stage with \`git add -p\` to split unrelated edits into separate commits.

      ## Link the context

      Mention the issue number or the error message. When someone runs \`git blame\` on a strange line
      in a year, that link is the difference between a minute and an afternoon.
    `,
  },
  {
    slug: 'typescript-satisfies-operator',
    title: "A first look at TypeScript's satisfies operator",
    excerpt: 'Check a value against a type without losing its literal types.',
    author: 'instructor@demo.test',
    category: 'web-development',
    tags: ['typescript'],
    daysAgo: null,
    body: article`
      \`satisfies\` checks that a value fits a type while keeping the value's own, narrower type.

      ~~~ts
      const routes = { home: '/', blog: '/blog' } satisfies Record<string, string>;
      routes.blog; // type '/blog', not string
      ~~~

      Notes for the full post: compare with a type annotation, and show the config-object use case.
    `,
  },
];
