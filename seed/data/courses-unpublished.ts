import { md } from './md.ts';
import type { CourseSeed } from './types.ts';

/** Courses not in the catalog: a draft and one waiting for admin review. */
export const UNPUBLISHED_COURSES: CourseSeed[] = [
  {
    slug: 'accessible-forms-from-scratch',
    title: 'Accessible Forms from Scratch',
    subtitle: 'Labels, errors and validation that work for everyone.',
    description:
      'Forms are where users give you their money, their data and their trust, and where accessibility problems ' +
      'hurt most. This course (a draft in progress) builds a sign-up form that works with a keyboard, a screen ' +
      'reader and a phone, and explains each decision.',
    outcomes: [
      'Label every control correctly',
      'Group related controls with fieldset and legend',
      'Show validation errors that are announced and easy to fix',
      'Test a form with a keyboard and a screen reader',
    ],
    prerequisites: ['HTML & CSS Foundations or equivalent'],
    tags: ['accessibility', 'forms', 'html', 'wcag'],
    category: 'web-development',
    instructor: 'instructor@demo.test',
    difficulty: 'beginner',
    status: 'draft',
    price: 2900,
    rating: { average: 0, count: 0 },
    enrollmentCount: 0,
    sections: [
      {
        title: 'Structure',
        lessons: [
          {
            title: 'Every control needs a label',
            minutes: 8,
            text: md`
              ## Visible, connected labels

              A label tells everyone what a field is for, and clicking it focuses the field. Connect it with for and id:

              ~~~html
              <label for="email">Email address</label>
              <input id="email" name="email" type="email" autocomplete="email" required>
              ~~~

              ## Placeholders are not labels

              Placeholder text disappears as soon as someone types, often has poor contrast, and is not reliably announced. Use it, if at all, for an example of the expected format.

              ## Help the browser help the user

              - The right **type** (email, tel, number) brings up the right keyboard on phones.
              - **autocomplete** values let browsers and password managers fill fields correctly.
              - Mark required fields in the label text as well as with the required attribute.
            `,
          },
          {
            title: 'Grouping with fieldset and legend',
            minutes: 7,
            text: md`
              ## Groups need a name too

              A set of radio buttons asks one question. Wrap them in a fieldset and put the question in its legend, so screen readers announce it with each option:

              ~~~html
              <fieldset>
                <legend>Preferred contact method</legend>
                <label><input type="radio" name="contact" value="email"> Email</label>
                <label><input type="radio" name="contact" value="phone"> Phone</label>
              </fieldset>
              ~~~

              ## When to group

              - Radio buttons and related checkboxes, always.
              - Sections of a long form (delivery address, billing address).

              Keep legends short: they are repeated for every control in the group. A single checkbox ("I agree to the terms") needs only its own label, not a fieldset.
            `,
          },
        ],
      },
      {
        title: 'Validation',
        lessons: [
          {
            title: 'Error messages that help',
            minutes: 9,
            text: md`
              ## Say what happened and how to fix it

              "Invalid input" helps nobody. "Enter a date in the format DD/MM/YYYY" does.

              ## Connect errors to fields

              ~~~html
              <label for="phone">Phone number</label>
              <input id="phone" aria-invalid="true" aria-describedby="phone-error">
              <p id="phone-error">Enter a phone number with the area code, like 020 7946 0000</p>
              ~~~

              ## After submitting

              - Show a summary at the top listing each error as a link to its field.
              - Move focus to the summary so keyboard and screen-reader users know something went wrong.
              - Keep everything the user typed.

              Validate on submit or when a field loses focus, not on every keystroke: being told an email is invalid after typing one letter is frustrating.
            `,
          },
          {
            title: 'Testing your form',
            minutes: 6,
            text: md`
              ## Keyboard only

              Put the mouse away. Can you reach every field in a sensible order with Tab, operate every control, see the focus at all times, and submit?

              ## Screen reader

              Try VoiceOver (macOS, iOS), NVDA (Windows) or TalkBack (Android). For each field, is the label announced, along with its required state and any error?

              ## Zoom and small screens

              At 200% zoom and 320 px wide, labels and errors must still be visible without horizontal scrolling.

              ## Automated checks

              Tools such as axe catch missing labels and contrast problems quickly, but only a fraction of issues overall. Use them alongside manual testing, not instead of it.
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'data-visualization-storytelling',
    title: 'Data Visualization and Storytelling',
    subtitle: 'Charts that make a point, and narratives that get decisions made.',
    description:
      'A correct analysis that nobody understands changes nothing. This course covers choosing charts, ' +
      'removing clutter, using colour with intent and building a short narrative around your data so that ' +
      'decision makers see what you see. It is waiting for review before publication.',
    outcomes: [
      'Choose the chart type that fits the comparison you want to show',
      'Remove clutter and direct attention with colour and annotation',
      'Structure a data story with context, conflict and resolution',
      'Present findings to non-technical audiences',
    ],
    prerequisites: ['Basic data analysis in a spreadsheet, Python or SQL'],
    tags: ['data-visualization', 'storytelling', 'charts', 'communication'],
    category: 'data-science',
    instructor: 'maya@demo.test',
    difficulty: 'intermediate',
    status: 'pending_review',
    price: 4500,
    rating: { average: 0, count: 0 },
    enrollmentCount: 0,
    sections: [
      {
        title: 'Choosing and cleaning charts',
        lessons: [
          {
            title: 'Which chart for which question?',
            minutes: 9,
            text: md`
              ## Start from the comparison

              - **Over time**: line chart.
              - **Between categories**: bar chart, sorted by value.
              - **Part of a whole**: stacked bar, or a simple table; pie charts only for two or three parts.
              - **Distribution**: histogram or box plot.
              - **Relationship**: scatter plot.

              ## Tables are fine

              When people need exact values to look up, a well-formatted table beats any chart. Right-align numbers and use consistent decimals.

              ## Avoid

              - 3D effects, which distort sizes.
              - Dual axes, which invite false comparisons.
              - Truncated bar axes, which exaggerate differences.
            `,
          },
          {
            title: 'Decluttering and focus',
            minutes: 8,
            text: md`
              ## Every mark should earn its place

              Remove chart borders, heavy gridlines, redundant legends and decimal places nobody needs. What remains is the data.

              ## Colour with intent

              Make everything grey, then colour only the series or bar you are talking about. Attention goes exactly where you want it.

              ## Label directly

              Put labels at the end of lines instead of in a legend, so readers do not have to look back and forth.

              ## Annotate

              Add a short note at the point that matters: "Price change on 1 March". A chart with a sentence of explanation is understood in seconds.
            `,
          },
        ],
      },
      {
        title: 'Telling the story',
        lessons: [
          {
            title: 'The shape of a data story',
            minutes: 9,
            text: md`
              ## Context, conflict, resolution

              - **Context**: what the audience needs to know. "Support costs have been stable for two years."
              - **Conflict**: what changed or what is at stake. "Since the app redesign, tickets rose 40%, mostly about finding invoices."
              - **Resolution**: what you recommend. "Restoring the invoices link to the main menu should remove most of them."

              ## The one-sentence test

              If you cannot state your main point in one sentence, the audience will not be able to either. Write that sentence first, and use it as the title of your first slide.

              ## Cut ruthlessly

              Keep the analysis that supports the point; move the rest to an appendix.
            `,
          },
          {
            title: 'Presenting to decision makers',
            minutes: 7,
            text: md`
              ## Lead with the answer

              Executives often have five minutes. Give the recommendation and its impact first, then the evidence, then the details if asked.

              ## Anticipate questions

              - How confident are we, and what could make this wrong?
              - What does it cost, and what happens if we wait?
              - What exactly do you need from this audience?

              ## Make the ask explicit

              End with the decision you want ("approve two sprints for the invoices fix") rather than "any questions?" Send a one-page summary afterwards, so the decision and its reasons are on record.
            `,
          },
        ],
      },
    ],
  },
];
