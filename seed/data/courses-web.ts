import { md } from './md.ts';
import type { CourseSeed } from './types.ts';

export const WEB_COURSES: CourseSeed[] = [
  {
    slug: 'html-css-foundations',
    title: 'HTML & CSS Foundations',
    subtitle: 'Build accessible, responsive web pages from a blank file.',
    description:
      'Every website, framework and design system rests on two languages: HTML for structure and meaning, CSS for ' +
      'presentation. This course teaches both properly, without shortcuts, so that what you build is accessible, ' +
      'responsive and easy to change.\n\n' +
      'You start with a single HTML file, learn which element to reach for and why, then style it with the cascade, ' +
      'the box model and modern layout tools (Flexbox and Grid). By the end you can turn a design into a page that ' +
      'works on a phone, a laptop and a screen reader.',
    outcomes: [
      'Structure a page with semantic HTML elements and landmarks',
      'Explain the cascade, specificity and inheritance, and debug styles with confidence',
      'Size and space elements with the box model',
      'Lay out components with Flexbox and whole pages with CSS Grid',
      'Make a layout responsive with fluid units and media queries',
    ],
    prerequisites: ['A text editor and a web browser', 'No programming experience needed'],
    tags: ['html', 'css', 'flexbox', 'grid', 'responsive', 'accessibility'],
    category: 'web-development',
    instructor: 'instructor@demo.test',
    difficulty: 'beginner',
    status: 'published',
    price: 0,
    publishedDaysAgo: 220,
    rating: { average: 4.7, count: 2841 },
    enrollmentCount: 18420,
    sections: [
      {
        title: 'Getting started with HTML',
        lessons: [
          {
            title: 'How a web page is built',
            minutes: 8,
            text: md`
              ## Three layers

              A web page is made of three layers that each do one job:

              - **HTML** says what things are: a heading, a paragraph, a navigation menu, a form.
              - **CSS** says how they look: colours, spacing, layout.
              - **JavaScript** adds behaviour that HTML and CSS cannot express.

              Keeping the layers separate is what lets you restyle a site without rewriting it.

              ## Your first document

              Create a file called index.html and open it in your browser:

              ~~~html
              <!doctype html>
              <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <meta name="viewport" content="width=device-width, initial-scale=1">
                  <title>My first page</title>
                </head>
                <body>
                  <h1>Hello, web</h1>
                  <p>This is a paragraph.</p>
                </body>
              </html>
              ~~~

              The **lang** attribute tells screen readers which voice to use, and the **viewport** meta tag stops phones from shrinking the page to fit a desktop width. Include both in every page you write.
            `,
          },
          {
            title: 'Semantic structure: headings, landmarks and lists',
            minutes: 10,
            text: md`
              ## Pick elements for meaning

              Browsers, search engines and assistive technology read your markup, not your styling. A **button** element is focusable and works with the keyboard for free; a styled div is not.

              ## Landmarks

              Wrap the regions of a page in landmark elements so screen-reader users can jump between them:

              ~~~html
              <header>Site name and logo</header>
              <nav>Main links</nav>
              <main>
                <article>
                  <h1>Article title</h1>
                  <h2>A section</h2>
                </article>
              </main>
              <footer>Contact and legal</footer>
              ~~~

              ## Headings form an outline

              - Use exactly one h1 per page, for its main topic.
              - Do not skip levels: an h3 belongs under an h2.
              - Choose the level by structure, then size it with CSS.

              ## Lists

              Use ul for unordered items, ol when the order matters (steps in a recipe), and dl for term and definition pairs. A navigation menu is a list of links.
            `,
          },
          {
            title: 'Links, images and accessible text',
            minutes: 9,
            text: md`
              ## Links

              A link's text should make sense on its own. Screen-reader users often list all links on a page, and "click here" five times tells them nothing.

              ~~~html
              <a href="/pricing">See pricing plans</a>
              <a href="https://developer.mozilla.org/">MDN Web Docs</a>
              ~~~

              ## Images

              Every img needs an **alt** attribute:

              - Describe what the image communicates, not what it looks like pixel by pixel.
              - Decorative images get an empty alt (alt=""), so assistive technology skips them.
              - Set width and height so the browser reserves space and the page does not jump while loading.

              ~~~html
              <img src="/img/chart.png" alt="Sales doubled between March and June"
                   width="640" height="360">
              ~~~

              ## Check your work

              Navigate your page with only the Tab key. Can you reach every link and control, and can you always see where the focus is? The [WebAIM checklist](https://webaim.org/standards/wcag/checklist) is a good next read.
            `,
          },
        ],
      },
      {
        title: 'Styling with CSS',
        lessons: [
          {
            title: 'Selectors, the cascade and specificity',
            minutes: 12,
            text: md`
              ## Rules

              A CSS rule is a selector plus declarations:

              ~~~css
              .card h2 {
                color: #1d3557;
                margin-block: 0 0.5rem;
              }
              ~~~

              ## Which rule wins?

              When two rules set the same property on an element, the browser decides in this order:

              - **Origin and importance**: your styles beat browser defaults; !important beats normal declarations (avoid it).
              - **Specificity**: an id selector beats a class, a class beats an element selector.
              - **Order**: with equal specificity, the later rule wins.

              ## Keep specificity low

              Style mostly with single classes (.card, .card-title). Low, flat specificity means any rule can be overridden by a later one without an arms race.

              ## Inheritance

              Text properties such as color and font-family are inherited by children; box properties such as margin and border are not. Set typography once on the body and let it flow down.
            `,
          },
          {
            title: 'The box model',
            minutes: 10,
            text: md`
              ## Every element is a box

              From the inside out, a box has **content**, **padding**, **border** and **margin**. Padding is inside the border and takes the background colour; margin is outside and is always transparent.

              ## box-sizing

              By default, width sets only the content width, so padding and border make the box bigger than you asked for. Almost every project starts with:

              ~~~css
              *, *::before, *::after {
                box-sizing: border-box;
              }
              ~~~

              Now width includes padding and border, which is far easier to reason about.

              ## Margin collapsing

              Vertical margins between block elements collapse: a 24px bottom margin next to a 16px top margin gives a 24px gap, not 40px. Flex and grid items never collapse margins, which is one reason gap is often simpler:

              ~~~css
              .stack {
                display: flex;
                flex-direction: column;
                gap: 1rem;
              }
              ~~~

              Use your browser's developer tools: the box model diagram in the Elements panel shows every layer for the selected element.
            `,
          },
          {
            title: 'Colours, fonts and units',
            minutes: 9,
            text: md`
              ## Units

              - **rem** is relative to the root font size. Use it for font sizes and spacing so everything scales when a user enlarges text.
              - **%** and **vw/vh** are relative to the container or the viewport.
              - **px** is fine for borders and small details.

              ## Fonts

              A system font stack loads instantly and looks native:

              ~~~css
              body {
                font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
                font-size: 1rem;
                line-height: 1.5;
              }
              ~~~

              A line height around 1.5 and lines of 60 to 75 characters (max-width: 65ch) make body text comfortable to read.

              ## Colour and contrast

              Define colours once as custom properties and reuse them:

              ~~~css
              :root {
                --ink: #1b1b1f;
                --accent: #2a6df4;
              }
              a { color: var(--accent); }
              ~~~

              Body text needs a contrast ratio of at least **4.5:1** against its background (WCAG AA). Check pairs with your browser's colour picker, which shows the ratio.
            `,
          },
        ],
      },
      {
        title: 'Layout',
        lessons: [
          {
            title: 'Flexbox for one-dimensional layout',
            minutes: 12,
            text: md`
              ## When to use Flexbox

              Flexbox lays items out along one axis: a row of buttons, a navigation bar, a card's header with a title on the left and an icon on the right.

              ~~~css
              .toolbar {
                display: flex;
                align-items: center;      /* cross axis */
                justify-content: space-between; /* main axis */
                gap: 0.75rem;
              }
              ~~~

              ## Growing and shrinking

              The flex shorthand sets how an item shares spare space:

              - **flex: 1** lets an item grow to fill the remaining space (a search field in a toolbar).
              - **flex: none** keeps an item at its natural size (an icon button).

              ## Wrapping

              Add flex-wrap: wrap and items move to a new line when they run out of room, which is often all the responsiveness a row of tags or chips needs.

              ## A common trap

              Flex items have a minimum size of their content. If long text refuses to shrink, set min-width: 0 on the item.
            `,
          },
          {
            title: 'CSS Grid for page layout',
            minutes: 12,
            text: md`
              ## Two dimensions

              Grid controls rows and columns together, which makes it the right tool for page layouts and card galleries.

              ~~~css
              .page {
                display: grid;
                grid-template-columns: 16rem 1fr;
                grid-template-areas: "sidebar main";
                gap: 2rem;
              }
              .page > nav  { grid-area: sidebar; }
              .page > main { grid-area: main; }
              ~~~

              The **fr** unit shares the leftover space, so 1fr takes whatever the 16rem sidebar does not use.

              ## A responsive gallery without media queries

              ~~~css
              .gallery {
                display: grid;
                grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
                gap: 1.5rem;
              }
              ~~~

              Each card is at least 14rem wide; the browser fits as many columns as it can and stretches them to fill the row.

              ## Grid or Flexbox?

              Use Grid when you design the layout from the container (rows and columns first). Use Flexbox when the content decides the sizes (a row of items of different widths).
            `,
          },
          {
            title: 'Responsive design with media queries',
            minutes: 11,
            text: md`
              ## Mobile first

              Write the base styles for small screens, then add rules as space allows. Small screens get the simplest CSS, and larger layouts are enhancements.

              ~~~css
              .page { display: grid; gap: 1rem; }

              @media (min-width: 48rem) {
                .page { grid-template-columns: 16rem 1fr; }
              }
              ~~~

              ## Choose breakpoints from the content

              Do not target device widths. Resize the browser until the layout looks wrong, and add a breakpoint there. Using rem in media queries keeps breakpoints correct when users change their font size.

              ## Fluid type

              The clamp() function gives a size that grows with the viewport between two limits:

              ~~~css
              h1 { font-size: clamp(1.75rem, 1.2rem + 2vw, 3rem); }
              ~~~

              ## Respect preferences

              Media queries also read user settings: prefers-reduced-motion to tone down animation, and prefers-color-scheme for a dark theme. Test your page at 320px wide and at 200% zoom before you call it done.
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'modern-javascript-essentials',
    title: 'Modern JavaScript Essentials',
    subtitle: 'The language, the DOM and async code, explained from first principles.',
    description:
      'JavaScript is the only language every browser runs, and it has changed a lot since the days of var and ' +
      'callbacks. This course teaches the modern language directly: let and const, arrow functions, destructuring, ' +
      'modules, promises and async/await.\n\n' +
      'Each lesson is short and practical. You will manipulate the DOM, respond to events, fetch data from an API ' +
      'and structure a small app into modules, learning along the way how to read error messages and debug with the ' +
      "browser's developer tools.",
    outcomes: [
      'Use variables, types, functions and closures correctly',
      'Transform data with array methods such as map, filter and reduce',
      'Update a page in response to user events through the DOM',
      'Load data from an HTTP API with fetch and async/await, handling errors',
      'Split code into ES modules and debug it with developer tools',
    ],
    prerequisites: ['Basic HTML and CSS', 'Comfort with a text editor'],
    tags: ['javascript', 'es2023', 'dom', 'async', 'fetch'],
    category: 'web-development',
    instructor: 'instructor@demo.test',
    difficulty: 'beginner',
    status: 'published',
    price: 4900,
    publishedDaysAgo: 140,
    rating: { average: 4.6, count: 1532 },
    enrollmentCount: 9310,
    sections: [
      {
        title: 'The language core',
        lessons: [
          {
            title: 'Values, variables and types',
            minutes: 10,
            text: md`
              ## Declaring variables

              Use **const** by default and **let** when you must reassign. Forget var: its function scoping causes surprising bugs.

              ~~~js
              const name = 'Ada';
              let attempts = 0;
              attempts += 1;
              ~~~

              const stops reassignment, not mutation: a const array can still be pushed to.

              ## The types

              JavaScript has seven primitive types (string, number, bigint, boolean, undefined, null, symbol) and objects. Check a value with typeof:

              ~~~js
              typeof 42;        // "number"
              typeof 'hi';      // "string"
              typeof null;      // "object" (a historic bug)
              Array.isArray([]); // true
              ~~~

              ## Equality

              Always compare with === and !==. The loose == converts types first, so 0 == '' is true, which is rarely what you meant.

              ## Numbers

              All numbers are 64-bit floats, so 0.1 + 0.2 is 0.30000000000000004. For money, store whole cents as integers.
            `,
          },
          {
            title: 'Functions and scope',
            minutes: 12,
            text: md`
              ## Three ways to write a function

              ~~~js
              function add(a, b) { return a + b; }
              const double = (n) => n * 2;
              const greet = (name = 'friend') => 'Hello, ' + name;
              ~~~

              Arrow functions are short and do not have their own this, which makes them ideal for callbacks.

              ## Block scope

              Variables declared with let and const exist only inside the nearest pair of braces. Keeping scopes small makes code easier to follow.

              ## Closures

              A function remembers the variables that were in scope where it was created:

              ~~~js
              function counter() {
                let count = 0;
                return () => ++count;
              }
              const next = counter();
              next(); // 1
              next(); // 2
              ~~~

              Here count is private: nothing outside can change it except through next. Closures power event handlers, memoisation and module-level state.

              ## Pure functions

              Prefer functions that compute a result from their arguments without changing anything outside. They are easy to test and safe to reuse.
            `,
          },
          {
            title: 'Arrays and objects',
            minutes: 12,
            text: md`
              ## Array methods beat loops

              ~~~js
              const orders = [
                { id: 1, total: 30, paid: true },
                { id: 2, total: 55, paid: false },
                { id: 3, total: 20, paid: true },
              ];

              const paid = orders.filter((o) => o.paid);
              const totals = paid.map((o) => o.total);
              const revenue = totals.reduce((sum, t) => sum + t, 0); // 50
              ~~~

              Each step returns a new array, so the original data is untouched.

              ## Destructuring and spread

              ~~~js
              const { id, total } = orders[0];
              const [first, ...rest] = orders;
              const updated = { ...orders[1], paid: true };
              ~~~

              Spread copies the top level only; nested objects are still shared.

              ## Useful helpers

              - **find** returns the first match, or undefined.
              - **some** and **every** answer yes/no questions about a list.
              - **Object.entries** turns an object into [key, value] pairs you can map over.
              - **structuredClone** makes a deep copy when you really need one.
            `,
          },
        ],
      },
      {
        title: 'Working with the browser',
        lessons: [
          {
            title: 'The DOM and events',
            minutes: 12,
            text: md`
              ## Finding elements

              ~~~js
              const form = document.querySelector('#signup');
              const items = document.querySelectorAll('.todo-item');
              ~~~

              ## Changing the page

              Set textContent for text (it never interprets HTML, so user input cannot inject markup). Use classList to toggle styles and leave the looks to CSS:

              ~~~js
              const message = document.querySelector('.message');
              message.textContent = 'Saved!';
              message.classList.add('is-success');
              ~~~

              ## Listening for events

              ~~~js
              form.addEventListener('submit', (event) => {
                event.preventDefault();
                const data = new FormData(form);
                console.log(data.get('email'));
              });
              ~~~

              ## Event delegation

              Instead of one listener per list item, attach one to the parent and check the target. It keeps working for items added later:

              ~~~js
              list.addEventListener('click', (event) => {
                const button = event.target.closest('button.delete');
                if (button) button.closest('li').remove();
              });
              ~~~
            `,
          },
          {
            title: 'Fetching data with fetch and async/await',
            minutes: 14,
            text: md`
              ## Promises

              Network requests take time, so fetch returns a **promise**: a value that arrives later. The await keyword pauses an async function until the promise settles, without blocking the page.

              ~~~js
              async function loadCourses() {
                const response = await fetch('/api/courses');
                if (!response.ok) {
                  throw new Error('Request failed: ' + response.status);
                }
                return response.json();
              }
              ~~~

              fetch only rejects on network failure. A 404 or 500 still resolves, which is why you must check **response.ok**.

              ## Handling errors

              ~~~js
              try {
                const courses = await loadCourses();
                render(courses);
              } catch (error) {
                showMessage('Could not load courses. Please try again.');
              }
              ~~~

              ## Running requests in parallel

              Awaiting one request after another wastes time when they are independent:

              ~~~js
              const [user, courses] = await Promise.all([loadUser(), loadCourses()]);
              ~~~

              Show a loading state while you wait and an error state when it fails; both are part of the design.
            `,
          },
        ],
      },
      {
        title: 'Writing maintainable code',
        lessons: [
          {
            title: 'Splitting code into modules',
            minutes: 9,
            text: md`
              ## ES modules

              Each file is a module with its own scope. Export what others may use and import it where needed:

              ~~~js
              // cart.js
              export function totalOf(items) {
                return items.reduce((sum, i) => sum + i.price * i.quantity, 0);
              }

              // main.js
              import { totalOf } from './cart.js';
              ~~~

              In the browser, load the entry point with a script tag of type="module". Modules are deferred automatically and run in strict mode.

              ## How to split

              - Group code by feature (cart, search, auth), not by kind (utils, helpers).
              - Keep DOM code at the edges and pure logic in its own modules, so the logic can be tested without a browser.
              - Prefer named exports: they are easier to search for and rename.

              ## Dynamic import

              Load rarely used code only when it is needed:

              ~~~js
              const { openEditor } = await import('./editor.js');
              ~~~
            `,
          },
          {
            title: 'Debugging with developer tools',
            minutes: 10,
            text: md`
              ## Read the error first

              An error message tells you the type (TypeError, ReferenceError), what went wrong and the file and line. "Cannot read properties of undefined (reading 'name')" means you accessed .name on something that was undefined: look at where that value came from.

              ## Beyond console.log

              - **console.table(rows)** prints arrays of objects as a table.
              - A **debugger;** statement pauses execution when developer tools are open.
              - **Breakpoints** in the Sources panel let you step through code line by line and inspect every variable in scope.
              - **Conditional breakpoints** pause only when an expression is true, perfect for loops.

              ## The Network panel

              When data looks wrong, check the request: its status, its headers and the exact response body. Many "JavaScript bugs" are an API returning something unexpected.

              ## Make it reproducible

              Before fixing, find the smallest set of steps that triggers the bug. Then write it down: it becomes your test that the fix works.
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'typescript-for-javascript-developers',
    title: 'TypeScript for JavaScript Developers',
    subtitle: 'Catch bugs before they run, and make large codebases easy to change.',
    description:
      'TypeScript adds a type system on top of JavaScript. Used well, it documents your code, catches mistakes as ' +
      'you type and makes refactoring safe; used badly, it is noise. This course focuses on the parts that pay off ' +
      'in real projects.\n\n' +
      'You will learn how inference does most of the work, how unions and narrowing model real data, when generics ' +
      'help, and how to validate data at the boundaries of your program where types alone cannot protect you.',
    outcomes: [
      'Read and write type annotations and let inference do the rest',
      'Model data with unions, literal types and discriminated unions',
      'Write reusable generic functions and use built-in utility types',
      'Configure a project with a strict tsconfig',
      'Validate untrusted data at runtime and derive types from the schema',
    ],
    prerequisites: ['Comfortable writing modern JavaScript (functions, arrays, objects, modules)'],
    tags: ['typescript', 'javascript', 'types', 'generics', 'zod'],
    category: 'web-development',
    instructor: 'instructor@demo.test',
    difficulty: 'intermediate',
    status: 'published',
    price: 7900,
    publishedDaysAgo: 6,
    rating: { average: 4.8, count: 96 },
    enrollmentCount: 640,
    sections: [
      {
        title: 'Types from the ground up',
        lessons: [
          {
            title: 'Why TypeScript?',
            minutes: 7,
            text: md`
              ## Bugs found while typing

              TypeScript checks your code without running it. Misspell a property, forget that a value can be undefined, or pass a string where a number is expected, and the editor tells you immediately.

              ~~~ts
              function priceWithTax(cents: number, rate: number) {
                return Math.round(cents * (1 + rate));
              }
              priceWithTax('1999', 0.2);
              // Error: Argument of type 'string' is not assignable to parameter of type 'number'.
              ~~~

              ## What it is not

              - Types are erased before the code runs. They never slow your program down, and they cannot check data that arrives at runtime (an API response, a form).
              - TypeScript does not replace tests: it proves shapes, not behaviour.

              ## Adopting it gradually

              TypeScript accepts any JavaScript. You can rename one file from .js to .ts, fix the errors it reports, and continue file by file. Editors such as VS Code use TypeScript even in plain JavaScript files, which is why autocompletion already works there.
            `,
          },
          {
            title: 'Annotations and inference',
            minutes: 10,
            text: md`
              ## Let inference work

              TypeScript infers most types from values. Annotate function parameters and public return types; let locals be inferred.

              ~~~ts
              const count = 3;                 // number
              const tags = ['css', 'html'];    // string[]

              function initials(first: string, last: string): string {
                return first[0] + last[0];
              }
              ~~~

              ## Object shapes

              ~~~ts
              const course = { slug: 'ts-101', price: 7900 };
              course.price = 'free';
              // Error: Type 'string' is not assignable to type 'number'.
              ~~~

              ## any versus unknown

              - **any** switches checking off. It spreads silently, so avoid it.
              - **unknown** means "could be anything, check before use". It is the honest type for parsed JSON.

              ~~~ts
              function lengthOf(value: unknown) {
                if (typeof value === 'string') return value.length;
                return 0;
              }
              ~~~

              ## Literal types

              A const string has the literal type of its value, and as const freezes a whole object or array into literal types, which is handy for lists of allowed values.
            `,
          },
          {
            title: 'Unions and narrowing',
            minutes: 12,
            text: md`
              ## Union types

              A union says a value is one of several types:

              ~~~ts
              type Difficulty = 'beginner' | 'intermediate' | 'advanced';
              let id: string | number;
              ~~~

              ## Narrowing

              Inside a check, TypeScript knows which member you have:

              ~~~ts
              function format(id: string | number) {
                if (typeof id === 'number') return id.toFixed(0);
                return id.toUpperCase();
              }
              ~~~

              ## Discriminated unions

              Give each variant a common literal field, and switch on it:

              ~~~ts
              type Result =
                | { kind: 'ok'; value: number }
                | { kind: 'error'; message: string };

              function show(r: Result) {
                switch (r.kind) {
                  case 'ok': return 'Value: ' + r.value;
                  case 'error': return 'Failed: ' + r.message;
                }
              }
              ~~~

              This models states that cannot coexist: a result never has both a value and an error. If you add a third kind, every switch that does not handle it can be made to fail to compile.
            `,
          },
        ],
      },
      {
        title: 'Modelling real data',
        lessons: [
          {
            title: 'Interfaces and type aliases',
            minutes: 9,
            text: md`
              ## Two ways to name a shape

              ~~~ts
              interface Course {
                slug: string;
                title: string;
                price: number;
                publishedAt?: string;      // optional
                readonly id: string;       // cannot be reassigned
              }

              type Money = { amount: number; currency: string };
              ~~~

              Both describe object shapes. Type aliases can also name unions, tuples and function types; interfaces can be extended and merged.

              ## A simple rule

              Use interfaces for object shapes that others might extend, and type aliases for everything else. Consistency within a codebase matters more than the choice.

              ## Extending

              ~~~ts
              interface PaidCourse extends Course {
                price: number;
                currency: string;
              }
              type Draft = Course & { status: 'draft' };
              ~~~

              ## Structural typing

              TypeScript compares shapes, not names: any object with the right properties fits, whatever it was declared as. That is why you can pass a plain object literal where an interface is expected.
            `,
          },
          {
            title: 'Generics',
            minutes: 12,
            text: md`
              ## Types as parameters

              A generic function works for many types while keeping the link between input and output:

              ~~~ts
              function first<T>(items: T[]): T | undefined {
                return items[0];
              }
              const n = first([1, 2, 3]);      // number | undefined
              const s = first(['a', 'b']);     // string | undefined
              ~~~

              Without the generic, you would return any and lose the information.

              ## Constraints

              Restrict what T can be with extends:

              ~~~ts
              function byId<T extends { id: string }>(items: T[]) {
                return new Map(items.map((item) => [item.id, item]));
              }
              ~~~

              ## keyof

              ~~~ts
              function pluck<T, K extends keyof T>(items: T[], key: K): T[K][] {
                return items.map((item) => item[key]);
              }
              ~~~

              ## When not to use them

              If a type parameter appears only once in a signature, it is not relating anything: use a plain type instead. Generics are for connecting types, not for decoration.
            `,
          },
          {
            title: 'Utility types',
            minutes: 8,
            text: md`
              ## Derive, do not duplicate

              TypeScript ships utility types that build new types from existing ones, so a change in one place flows everywhere.

              ~~~ts
              interface User {
                id: string;
                email: string;
                name: string;
                role: 'student' | 'admin';
              }

              type NewUser = Omit<User, 'id'>;
              type UserPatch = Partial<Pick<User, 'name' | 'email'>>;
              type Roles = User['role'];                 // 'student' | 'admin'
              type ById = Record<string, User>;
              ~~~

              ## The most useful ones

              - **Partial** and **Required** flip optionality.
              - **Pick** and **Omit** select properties.
              - **Record** types dictionaries.
              - **ReturnType** and **Awaited** read the result of a function, even an async one.
              - **NonNullable** removes null and undefined.

              ## Read them as documentation

              A signature like update(id: string, patch: UserPatch) says precisely which fields a caller may change.
            `,
          },
        ],
      },
      {
        title: 'TypeScript in a project',
        lessons: [
          {
            title: 'tsconfig essentials',
            minutes: 8,
            text: md`
              ## Turn on strict

              ~~~json
              {
                "compilerOptions": {
                  "strict": true,
                  "noUncheckedIndexedAccess": true,
                  "target": "ES2023",
                  "module": "NodeNext",
                  "noEmit": true
                }
              }
              ~~~

              **strict** enables strictNullChecks and friends: without it, null and undefined fit everywhere and TypeScript misses the most common class of bug. **noUncheckedIndexedAccess** makes items[0] possibly undefined, which it is.

              ## Type checking versus running

              Many tools run TypeScript by simply removing the types (esbuild, Vite, recent Node versions). They are fast because they do not check anything, so run tsc --noEmit in your editor and in CI to catch errors.

              ## Erasable syntax

              If your runtime strips types, avoid features that generate code: enums, namespaces and constructor parameter properties. Use unions of string literals instead of enums.
            `,
          },
          {
            title: 'Validating data at the boundary',
            minutes: 11,
            text: md`
              ## Types stop at runtime

              A request body, a JSON file or an API response can contain anything. Casting it (as User) only silences the compiler. Validate instead.

              ## Schemas that produce types

              Libraries such as [zod](https://zod.dev/) describe the shape once and give you both a runtime check and a static type:

              ~~~ts
              import { z } from 'zod';

              const Signup = z.object({
                email: z.string().email(),
                age: z.number().int().min(13),
              });
              type Signup = z.infer<typeof Signup>;

              const result = Signup.safeParse(await request.json());
              if (!result.success) {
                return badRequest(result.error.issues);
              }
              createUser(result.data); // typed as Signup
              ~~~

              ## Where to validate

              - Everything that crosses into your program: HTTP input, environment variables, files, messages.
              - Once, at the edge. Inside, trust the types.

              This pattern, "parse, don't validate", turns unchecked data into typed values in one step.
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'web-performance-in-practice',
    title: 'Web Performance in Practice',
    subtitle: 'Measure, diagnose and fix what makes real sites slow.',
    description:
      'Speed is a feature: slow pages lose visitors, sales and search ranking. But performance work without ' +
      'measurement is guesswork. This advanced course teaches a method: measure with the right metrics, find the ' +
      'bottleneck, fix it, and verify.\n\n' +
      'We cover Core Web Vitals, lab and field data, the critical rendering path, images and fonts, HTTP caching, ' +
      'and runtime performance on the main thread, with examples drawn from production sites.',
    outcomes: [
      'Explain LCP, INP and CLS and what moves each of them',
      'Combine lab tools and real-user data to find real bottlenecks',
      'Shorten the critical rendering path and load images and fonts efficiently',
      'Design a caching strategy with Cache-Control and hashed file names',
      'Find and break up long tasks that make a page feel unresponsive',
    ],
    prerequisites: [
      'Solid HTML, CSS and JavaScript',
      'Familiarity with browser developer tools',
      'Basic HTTP knowledge',
    ],
    tags: ['performance', 'core-web-vitals', 'caching', 'lighthouse', 'http'],
    category: 'web-development',
    instructor: 'instructor@demo.test',
    difficulty: 'advanced',
    status: 'published',
    price: 12900,
    publishedDaysAgo: 75,
    rating: { average: 4.5, count: 212 },
    enrollmentCount: 870,
    sections: [
      {
        title: 'Measuring',
        lessons: [
          {
            title: 'Core Web Vitals',
            minutes: 10,
            text: md`
              ## Three user-centred metrics

              - **Largest Contentful Paint (LCP)**: when the main content appears. Good is under 2.5 s.
              - **Interaction to Next Paint (INP)**: how quickly the page responds to clicks, taps and keys across the whole visit. Good is under 200 ms.
              - **Cumulative Layout Shift (CLS)**: how much content jumps around unexpectedly. Good is under 0.1.

              Each is judged at the 75th percentile of real visits, so a fast experience for most users is not enough; the slow quarter counts.

              ## What moves them

              - LCP: server response time, render-blocking resources, and how quickly the LCP image is discovered and downloaded.
              - INP: long JavaScript tasks and heavy rendering after input.
              - CLS: images without dimensions, late-loading ads or banners, and web fonts that change text size.

              ## Start with one page

              Pick your most visited template (the product or course page, say), measure it, and fix its worst metric first. Site-wide averages hide the problem.
            `,
          },
          {
            title: 'Lab data versus field data',
            minutes: 9,
            text: md`
              ## Lab data

              Tools such as Lighthouse and the Performance panel load a page in a controlled environment. Results are repeatable and come with detailed traces, which makes them ideal for **diagnosing** and for catching regressions in CI.

              ## Field data

              Real-user monitoring (RUM) records metrics from actual visitors on their devices and networks. It is the **truth** about experience, but noisy and without traces. The [web-vitals](https://github.com/GoogleChrome/web-vitals) library reports LCP, INP and CLS from the browser:

              ~~~js
              import { onLCP, onINP, onCLS } from 'web-vitals';

              function send(metric) {
                navigator.sendBeacon('/rum', JSON.stringify(metric));
              }
              onLCP(send);
              onINP(send);
              onCLS(send);
              ~~~

              ## Use both

              Field data tells you which page and metric are bad; lab data tells you why. When they disagree, trust the field: your lab machine is probably faster than your users' phones. Throttle the CPU 4x and the network to "Fast 4G" to get closer.
            `,
          },
        ],
      },
      {
        title: 'Loading faster',
        lessons: [
          {
            title: 'The critical rendering path',
            minutes: 12,
            text: md`
              ## What blocks the first paint

              The browser cannot render until it has the HTML and the CSS that applies to it. Synchronous scripts in the head block parsing too. Everything on that path delays LCP.

              ## Shorten it

              - Serve HTML quickly: cache it at the edge where possible, and stream it.
              - Load scripts with **defer** (or type="module") so they do not block parsing.
              - Keep critical CSS small; split page-specific CSS out.
              - Avoid chains: a CSS file that imports another CSS file that loads a font is three round trips.

              ## Help the browser discover resources

              ~~~html
              <link rel="preconnect" href="https://cdn.example.com">
              <link rel="preload" as="image" href="/hero.avif" fetchpriority="high">
              ~~~

              The LCP image should be in the HTML, not inserted later by JavaScript, and should never be lazy-loaded.

              ## Verify

              In the Performance panel, look at the network track for the LCP resource: when was it requested, and what was it waiting for? Fix the biggest gap first.
            `,
          },
          {
            title: 'Images and fonts',
            minutes: 11,
            text: md`
              ## Images

              Images are usually the heaviest bytes on a page.

              - Use modern formats (AVIF, WebP) with a fallback.
              - Serve sizes that match the layout with srcset and sizes.
              - Lazy-load images below the fold; never the LCP image.
              - Always set width and height to prevent layout shift.

              ~~~html
              <img src="/course-800.webp"
                   srcset="/course-400.webp 400w, /course-800.webp 800w"
                   sizes="(min-width: 48rem) 50vw, 100vw"
                   width="800" height="450" loading="lazy" alt="">
              ~~~

              ## Fonts

              - Self-host WOFF2 files and subset them to the characters you need.
              - Use **font-display: swap** so text shows immediately in a fallback font.
              - Reduce the layout shift of the swap by matching the fallback's metrics with size-adjust.
              - Preload only the one or two fonts used above the fold.

              Every font weight is a separate file: two families in four weights is eight downloads. Variable fonts can replace several files with one.
            `,
          },
          {
            title: 'Caching with HTTP headers',
            minutes: 10,
            text: md`
              ## The fastest request is none

              Cache-Control tells browsers and CDNs how long they may reuse a response.

              ## Two kinds of files

              **Fingerprinted assets** (app.3f9a2c.js) never change under the same name, so cache them forever:

              ~~~http
              Cache-Control: public, max-age=31536000, immutable
              ~~~

              **HTML and API responses** must stay fresh. Let caches store them but check first:

              ~~~http
              Cache-Control: no-cache
              ETag: "a1b2c3"
              ~~~

              no-cache does not mean "do not cache": it means "revalidate before use". If the ETag still matches, the server answers 304 Not Modified with no body.

              ## Private data

              Responses that depend on the user (a dashboard, an account page) need **private** so shared caches and CDNs never store them, or no-store if they must not be kept at all.

              ## Check it

              The Network panel shows "(disk cache)" or "(memory cache)" for reused responses. Reload twice and confirm your assets are not downloaded again.
            `,
          },
        ],
      },
      {
        title: 'Runtime performance',
        lessons: [
          {
            title: 'Long tasks and the main thread',
            minutes: 12,
            text: md`
              ## One thread does everything

              JavaScript, style calculation, layout and paint share the main thread. A task that runs longer than **50 ms** is a long task: any click during it waits, which is what INP measures.

              ## Find them

              Record an interaction in the Performance panel. Long tasks are marked with red corners; expand them to see which functions took the time.

              ## Break them up

              Yield to the browser between chunks of work so it can handle input and paint:

              ~~~js
              async function processAll(items) {
                for (let i = 0; i < items.length; i++) {
                  process(items[i]);
                  if (i % 100 === 0) {
                    await new Promise((resolve) => setTimeout(resolve, 0));
                  }
                }
              }
              ~~~

              Where supported, scheduler.yield() does the same with better priority.

              ## Do less

              - Update the UI first, then do the non-urgent work (analytics, saving drafts).
              - Move pure computation to a Web Worker.
              - Ship less JavaScript: remove unused dependencies and split code by route.
            `,
          },
          {
            title: 'Rendering performance',
            minutes: 10,
            text: md`
              ## The pipeline

              After JavaScript changes the page, the browser recalculates styles, computes **layout**, **paints** pixels and **composites** layers. The later the stage your change starts at, the cheaper it is.

              ## Avoid layout thrashing

              Reading a layout property (offsetHeight, getBoundingClientRect) after a write forces layout immediately. Doing it in a loop forces it every time:

              ~~~js
              // Slow: read, write, read, write...
              for (const el of items) {
                el.style.width = container.offsetWidth / 2 + 'px';
              }

              // Fast: read once, then write
              const half = container.offsetWidth / 2;
              for (const el of items) el.style.width = half + 'px';
              ~~~

              ## Animate cheaply

              Animate **transform** and **opacity**: they can run on the compositor without layout or paint. Animating width, top or margin triggers layout on every frame.

              ## Large lists

              Rendering thousands of rows is slow whatever you do. Paginate, or render only the visible rows (virtualisation), and use content-visibility: auto for long pages of static content.
            `,
          },
        ],
      },
    ],
  },
];
