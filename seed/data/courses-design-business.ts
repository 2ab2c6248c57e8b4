import { md } from './md.ts';
import type { CourseSeed } from './types.ts';

export const DESIGN_COURSES: CourseSeed[] = [
  {
    slug: 'ui-design-principles',
    title: 'UI Design Principles',
    subtitle: 'Hierarchy, typography, colour and layout for interfaces people understand.',
    description:
      'Good interface design is not decoration. It is how people know what to look at, what they can do and what ' +
      'just happened. This course teaches the principles behind interfaces that feel obvious, so you can make and ' +
      'defend design decisions instead of copying trends.\n\n' +
      'You will practise visual hierarchy, typography, colour and contrast, spacing systems and component states. ' +
      'Every lesson ends with a small exercise you can do on a real product screen.',
    outcomes: [
      'Establish a clear visual hierarchy on any screen',
      'Choose and pair type sizes, weights and line lengths for readability',
      'Build an accessible colour palette with sufficient contrast',
      'Use a spacing scale and grid for consistent layouts',
      'Design every state of a component: default, hover, focus, disabled, loading and error',
    ],
    prerequisites: ['No design experience needed', 'Any design tool (Figma, Penpot or pen and paper)'],
    tags: ['ui', 'visual-design', 'typography', 'colour', 'accessibility'],
    category: 'design',
    instructor: 'sam@demo.test',
    difficulty: 'beginner',
    status: 'published',
    price: 1999,
    publishedDaysAgo: 60,
    rating: { average: 4.6, count: 702 },
    enrollmentCount: 2350,
    sections: [
      {
        title: 'Visual foundations',
        lessons: [
          {
            title: 'Visual hierarchy',
            minutes: 9,
            text: md`
              ## What should I look at first?

              Every screen answers that question, deliberately or not. Hierarchy is the order in which people notice things, and you control it with a few levers:

              - **Size**: bigger things are seen first.
              - **Weight and colour**: bold and saturated beat light and grey.
              - **Position**: top left in left-to-right languages, and the centre of a layout.
              - **Space**: an element surrounded by white space stands out.

              ## One primary action

              Each screen should have one obvious main action. Give it the strongest style (a filled button in the accent colour) and demote the rest to secondary (outlined) or tertiary (text link) styles.

              ## De-emphasise instead of emphasising

              When everything is bold, nothing is. Often the fix is to make secondary information quieter: a lighter grey for metadata, a smaller size for labels.

              ## Exercise

              Take a screenshot of a busy screen and blur it (or squint). What stands out? If it is not the most important element, adjust one lever at a time until it is.
            `,
          },
          {
            title: 'Typography for interfaces',
            minutes: 10,
            text: md`
              ## Fewer styles, used consistently

              Most interfaces need one typeface (two at most) and a small type scale, for example:

              ~~~text
              12  caption
              14  secondary text, labels
              16  body
              20  section heading
              24  page heading
              32  display
              ~~~

              A scale with a fixed ratio (such as 1.25) looks harmonious and removes guesswork.

              ## Readability

              - Body text of at least **16 px** on the web.
              - Line length of **45 to 75 characters**.
              - Line height around **1.5** for body text, tighter (1.1 to 1.3) for large headings.
              - Left-aligned text for anything longer than a line; centred paragraphs are hard to read.

              ## Weight before size

              To separate a label from its value, try a different weight or colour before a different size. It keeps the layout calm.

              ## Exercise

              List every text style in one of your screens. If there are more than eight, merge the near-duplicates into your scale.
            `,
          },
          {
            title: 'Colour and contrast',
            minutes: 10,
            text: md`
              ## A functional palette

              Start with roles, not favourite colours:

              - **Neutrals**: 8 to 10 greys for text, borders and backgrounds. They do most of the work.
              - **Primary**: your brand accent, for primary actions and links.
              - **Semantic**: green for success, amber for warning, red for errors, blue for information.

              Give each colour a range of shades (50 to 900) so you have light backgrounds and dark text of the same hue.

              ## Contrast is not optional

              WCAG AA requires a contrast ratio of **4.5:1** for normal text and **3:1** for large text and for the edges of controls such as inputs and buttons. Light grey placeholder text on white usually fails.

              ## Never colour alone

              About one in twelve men has some form of colour vision deficiency. Pair colour with a second cue: an icon next to an error, a label on a chart line, an underline on links.

              ## Exercise

              Check the five most common text and background pairs in your product with a contrast checker, such as the one in your browser's developer tools.
            `,
          },
        ],
      },
      {
        title: 'Layout and components',
        lessons: [
          {
            title: 'Spacing and grids',
            minutes: 9,
            text: md`
              ## A spacing scale

              Pick spacing values from a fixed scale instead of inventing them per screen. A scale based on 4 or 8:

              ~~~text
              4, 8, 12, 16, 24, 32, 48, 64
              ~~~

              Designers and developers can then speak the same language ("space-4" is 16) and layouts stay consistent.

              ## Proximity groups things

              Elements that belong together sit closer together than unrelated ones. A label should be nearer its input than the previous field. If groups are unclear, adjust the space before adding borders or boxes.

              ## Grids

              A column grid (often 12 columns on desktop, 4 on mobile) aligns content across a page. Alignment creates invisible lines that make a layout feel ordered.

              ## Exercise

              Redraw a form with only two spacing values: a small one inside groups and a larger one between groups. Compare it with the original.
            `,
          },
          {
            title: 'Components and their states',
            minutes: 11,
            text: md`
              ## Design the states, not just the default

              A button in a mock-up has one look; a button in a product has many. For each component, design:

              - **Default** and **hover**.
              - **Focus**: a clearly visible outline for keyboard users. Never remove it without a replacement.
              - **Active/pressed**.
              - **Disabled**: and ask whether disabling is right, or whether explaining why the action is unavailable would be better.
              - **Loading**: keep the size stable so the layout does not jump.

              ## Screens have states too

              - **Empty**: the first time, with nothing yet. Explain what goes here and offer the first action.
              - **Loading**: skeletons for content, spinners only for short waits.
              - **Error**: what happened, in plain language, and how to recover.
              - **Partial and overflow**: one item, a thousand items, a very long name.

              ## Document them

              A component library that lists every state becomes the contract between design and engineering, and the place to fix a problem once for the whole product.
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'ux-research-methods',
    title: 'UX Research Methods',
    subtitle: 'Plan, run and share research that changes product decisions.',
    description:
      'Teams build the wrong thing when they guess what users need. Research replaces guesses with evidence, but ' +
      'only if it answers a real question and reaches the people making decisions.\n\n' +
      'This course walks through the research cycle: framing research questions, choosing a method, running ' +
      'interviews and usability tests, synthesising findings with affinity mapping, and presenting insights that ' +
      'stakeholders act on. It is method-focused and tool-agnostic.',
    outcomes: [
      'Turn vague requests into focused research questions',
      'Choose between interviews, usability tests, surveys and analytics',
      'Run interviews without leading participants',
      'Moderate usability tests and report severity clearly',
      'Synthesise findings and share them so they change decisions',
    ],
    prerequisites: ['Some experience working on a digital product team'],
    tags: ['ux', 'user-research', 'usability-testing', 'interviews', 'product-discovery'],
    category: 'design',
    instructor: 'sam@demo.test',
    difficulty: 'intermediate',
    status: 'published',
    price: 8900,
    publishedDaysAgo: 3,
    rating: { average: 4.7, count: 41 },
    enrollmentCount: 150,
    sections: [
      {
        title: 'Planning research',
        lessons: [
          {
            title: 'Writing research questions',
            minutes: 9,
            text: md`
              ## Start from the decision

              "Can you do some research on onboarding?" is not a research question. Ask the requester: what decision will this inform, and what would you do differently depending on the answer?

              ## Good research questions

              - Are specific: "Why do new team admins abandon setup before inviting colleagues?"
              - Are answerable with the time and people you have.
              - Are about behaviour and needs, not opinions about a solution.

              ## Research questions are not interview questions

              The research question is what you want to learn. Interview questions are what you ask participants to get there, usually about their past behaviour. You would never ask a participant "why do admins abandon setup?"

              ## A one-page plan

              ~~~text
              Decision:     Redesign setup flow or add guided onboarding?
              Questions:    3 research questions
              Method:       8 interviews + review of setup funnel analytics
              Participants: admins who started setup in the last 30 days
              Timeline:     2 weeks
              ~~~

              Share it with stakeholders before you start: agreement now prevents "but that's not what we needed" later.
            `,
          },
          {
            title: 'Choosing a method',
            minutes: 10,
            text: md`
              ## Two dimensions

              - **What people say versus what they do**: interviews and surveys capture attitudes; usability tests and analytics capture behaviour.
              - **Why versus how many**: qualitative methods explain; quantitative methods measure.

              ## Common methods

              - **Interviews**: understand needs, context and motivations. Early in discovery.
              - **Usability testing**: find where a design fails. Whenever there is something to test, even a sketch.
              - **Surveys**: measure how common something is, once you know what to ask.
              - **Analytics**: see what happens at scale, but not why.
              - **Diary studies**: behaviour over days or weeks.

              ## Combine them

              Analytics shows 60% of users drop off at step three; usability tests show why; a survey tells you how many users share the reason. Each method covers another's blind spot.

              ## How many participants?

              For qualitative research, five to eight per distinct user group usually reveals the main patterns. For surveys, you need enough responses for the precision you want: hundreds, not dozens.
            `,
          },
        ],
      },
      {
        title: 'Running sessions',
        lessons: [
          {
            title: 'Interviewing users',
            minutes: 12,
            text: md`
              ## Ask about the past, not the future

              People are poor at predicting their own behaviour. "Would you use a feature that...?" gets a polite yes. "Tell me about the last time you..." gets real stories.

              ## Open, neutral questions

              - Instead of "Was it hard to find the export button?", ask "How did you get the data out?"
              - Follow up with "Why was that?", "What happened next?" and "Can you show me?"
              - Silence is a tool: wait a few seconds after an answer, and people often add the most useful part.

              ## Structure

              - Warm-up: role and context (5 minutes).
              - Core: stories about the behaviour you study (30 to 40 minutes).
              - Wrap-up: "Is there anything I should have asked?"

              ## Take good notes

              Have a second person take notes, or record with consent. Write down what participants did and said, in their words, separately from your interpretation. You will need the quotes later.

              ## Ethics

              Explain how recordings are used, get consent, let participants stop at any time, and pay them for their time.
            `,
          },
          {
            title: 'Usability testing',
            minutes: 12,
            text: md`
              ## Watch people try

              Give participants realistic tasks and observe where they struggle. You are testing the design, not the person, and you should say so.

              ## Writing tasks

              Describe a goal, not the steps, and avoid the words used in the interface:

              ~~~text
              Weak:  Click "Billing" and update your payment method.
              Good:  Your card expired last week. Make sure next month's
                     invoice is paid.
              ~~~

              ## Moderating

              - Ask participants to think aloud.
              - Do not help. When they ask "should I click here?", answer "what would you do if I weren't here?"
              - Note where they hesitate, backtrack, or succeed without realising it.

              ## Reporting problems

              Rate each issue by severity so the team fixes the right things first:

              - **Critical**: prevents completing the task.
              - **Serious**: causes significant delay or frustration.
              - **Minor**: noticeable but easily overcome.

              Five participants typically uncover most of the serious problems in a flow. Fix them and test again rather than running twenty sessions once.
            `,
          },
        ],
      },
      {
        title: 'Making sense and sharing',
        lessons: [
          {
            title: 'Affinity mapping',
            minutes: 9,
            text: md`
              ## From notes to patterns

              After sessions you have hundreds of observations. Affinity mapping groups them bottom-up into themes.

              ## The process

              - Write each observation on its own sticky note (physical or digital), with the participant ID.
              - As a team, place notes near similar ones without predefined categories.
              - Name each cluster with a sentence that states the insight: "Admins don't invite colleagues until they trust the data", not "Invites".
              - Look for clusters that contain most participants, and for surprising ones.

              ## Observations, findings, insights

              - **Observation**: "P3 exported the report to a spreadsheet to check the totals."
              - **Finding**: "Six of eight admins verified numbers outside the product."
              - **Insight**: "Admins don't trust the numbers enough to share them, so they don't invite their team."

              Insights explain why and point toward opportunities.

              ## Do it together

              Synthesising with designers, engineers and product managers in the room builds shared understanding that no report can replace.
            `,
          },
          {
            title: 'Sharing findings that change decisions',
            minutes: 9,
            text: md`
              ## Lead with what matters

              Open with the three to five most important insights and what you recommend. Methodology goes in an appendix.

              ## Make it concrete

              - Pair each insight with evidence: a quote, a short clip, a number ("six of eight").
              - Show the moment of struggle. A 30-second clip of a user failing a task persuades more than any slide.
              - Separate what you observed from what you recommend, so people can disagree with one without dismissing the other.

              ## Formats

              - A live read-out with discussion beats a document nobody opens.
              - A one-page summary travels well in chat and email.
              - A searchable repository of past findings stops teams from researching the same question twice.

              ## Follow through

              Agree on owners for the recommended actions, and check back a month later. Research that changes nothing is a cost; research that changes a roadmap is an investment.
            `,
          },
        ],
      },
    ],
  },
];

export const BUSINESS_COURSES: CourseSeed[] = [
  {
    slug: 'product-management-essentials',
    title: 'Product Management Essentials',
    subtitle: 'Discover what to build, decide what comes first, and ship it with your team.',
    description:
      'Product managers are responsible for outcomes without having authority over the people who build the ' +
      'product. That makes the job equal parts discovery, prioritisation and communication.\n\n' +
      'This free introduction covers how a PM works with engineering and design, how to frame problems before ' +
      'jumping to solutions, how to prioritise with a simple scoring framework, and how to write a specification ' +
      'that your team will actually read.',
    outcomes: [
      "Describe the product manager's responsibilities and working relationships",
      'Write problem statements grounded in user evidence',
      'Prioritise a backlog with a scoring framework such as RICE',
      'Write a concise one-page product spec',
    ],
    prerequisites: ['None: useful for aspiring PMs, designers, engineers and founders'],
    tags: ['product-management', 'prioritisation', 'roadmaps', 'discovery', 'specs'],
    category: 'business',
    instructor: 'sam@demo.test',
    difficulty: 'beginner',
    status: 'published',
    price: 0,
    publishedDaysAgo: 20,
    rating: { average: 4.5, count: 318 },
    enrollmentCount: 1420,
    sections: [
      {
        title: 'The role',
        lessons: [
          {
            title: 'What a product manager does',
            minutes: 8,
            text: md`
              ## Responsible for outcomes

              A product manager (PM) makes sure the team builds things that are **valuable** to customers, **viable** for the business, **usable** and **feasible**. Designers own usability and engineers own feasibility; the PM connects them to value and viability.

              ## A typical week

              - Talking to customers and reviewing data to understand problems.
              - Working with design and engineering on solutions.
              - Deciding priorities and saying no, with reasons.
              - Keeping stakeholders (sales, support, leadership) informed and aligned.

              ## What a PM is not

              - Not the team's boss: you lead through clarity and trust, not authority.
              - Not a project manager: delivery dates matter, but the main question is whether we are building the right thing.
              - Not the source of all ideas: good ideas come from everywhere, and the PM's job is to pick and shape them.

              ## Measuring success

              Judge product work by outcomes (retention improved, support tickets dropped) rather than output (features shipped).
            `,
          },
          {
            title: 'Working with engineering and design',
            minutes: 9,
            text: md`
              ## The product trio

              Many teams work as a trio: product manager, designer and tech lead. Discovery works best when all three take part from the start, instead of handing work down a line.

              ## With engineers

              - Bring problems, not finished solutions. Engineers often know a simpler way.
              - Involve them early on feasibility and cost; a design that takes three months may have a two-week variant with 80% of the value.
              - Protect their focus: batch questions, keep priorities stable within a sprint.

              ## With designers

              - Share user evidence and constraints, then let them explore options.
              - Review work against the problem statement, not personal taste.

              ## Rituals that help

              - A weekly review of metrics and customer feedback with the whole team.
              - Short, written decision records: what we decided, why, and what we rejected.

              Trust is built by being reliable: do what you said, share context generously, and give the team credit when things go well.
            `,
          },
        ],
      },
      {
        title: 'Discovery and delivery',
        lessons: [
          {
            title: 'Problem statements',
            minutes: 8,
            text: md`
              ## Fall in love with the problem

              Feature requests arrive as solutions: "add a CSV export". Behind each is a problem. Ask why until you find it: "finance teams reconcile our numbers with their accounting system every month, by hand".

              ## A useful template

              ~~~text
              [User] needs a way to [need] because [insight].
              We will know we have succeeded when [measurable outcome].
              ~~~

              For example: "Finance managers need a way to reconcile monthly invoices with their accounting system because they re-type totals today, which takes a day and causes errors. We will know we have succeeded when reconciliation takes under an hour for 70% of accounts."

              ## Check the evidence

              - How many customers have this problem, and how often?
              - What do they do today instead? A painful workaround is a strong signal.
              - What happens if we do nothing?

              A clear problem statement opens up solutions: maybe an integration beats an export.
            `,
          },
          {
            title: 'Prioritising with RICE',
            minutes: 9,
            text: md`
              ## Why a framework?

              Without one, the loudest stakeholder wins. A simple scoring model makes trade-offs explicit and debatable.

              ## RICE

              - **Reach**: how many users it affects per quarter.
              - **Impact**: how much it moves the goal for each (3 massive, 2 high, 1 medium, 0.5 low).
              - **Confidence**: how sure you are of the estimates (100%, 80%, 50%).
              - **Effort**: person-months of work.

              ~~~text
              score = reach x impact x confidence / effort

              Bulk invite:   2000 x 2 x 0.8 / 2 = 1600
              Dark mode:     5000 x 0.5 x 1.0 / 3 = 833
              SSO:            300 x 3 x 0.8 / 4 = 180
              ~~~

              ## Use it wisely

              - The score starts a discussion; it does not end it. Strategic bets and legal requirements can override it.
              - Low confidence is a prompt to do discovery, not to guess higher.
              - Re-score as you learn.
            `,
          },
          {
            title: 'Writing a one-page spec',
            minutes: 9,
            text: md`
              ## Short beats complete

              A spec exists to create shared understanding. One page that everyone reads beats twenty that nobody does.

              ## A simple outline

              - **Problem**: the problem statement and the evidence for it.
              - **Goal and metric**: what success looks like.
              - **Scope**: what is in, and explicitly what is out.
              - **User stories or flows**: the key scenarios, with sketches from design.
              - **Open questions and risks**: what we do not know yet.

              ## Write it together

              Draft it, then review it with your designer and tech lead before anyone else. They will find the gaps and the cheaper alternatives.

              ## Keep it alive

              Link the spec from the tickets and update it when decisions change. A stale spec is worse than none, because people trust it.

              ## Acceptance criteria

              For each story, list the conditions that must be true when it is done, for example "an invited user who already has an account is added to the team without a new sign-up". They make testing and review objective.
            `,
          },
        ],
      },
    ],
  },
  {
    slug: 'financial-modeling-basics',
    title: 'Financial Modeling Basics',
    subtitle: 'Read the three statements and build a driver-based forecast you can defend.',
    description:
      'Whether you are pitching a project, planning a budget or valuing a company, you will be asked for a model. ' +
      'A good financial model is simple, transparent and driven by a few explicit assumptions anyone can challenge.\n\n' +
      'This course starts with how the income statement, balance sheet and cash flow statement fit together, then ' +
      'builds a driver-based forecast in a spreadsheet, adds scenarios and sensitivity analysis, and finishes with ' +
      'a discounted cash flow valuation.',
    outcomes: [
      'Read an income statement, balance sheet and cash flow statement and explain how they connect',
      'Build a forecast from explicit, documented drivers',
      'Structure a spreadsheet model so others can audit it',
      'Compare scenarios and run sensitivity analysis on key assumptions',
      'Estimate value with a simple discounted cash flow model',
    ],
    prerequisites: ['Comfortable with spreadsheet formulas', 'No accounting background needed'],
    tags: ['finance', 'financial-modeling', 'forecasting', 'valuation', 'spreadsheets'],
    category: 'business',
    instructor: 'maya@demo.test',
    difficulty: 'intermediate',
    status: 'published',
    price: 5900,
    publishedDaysAgo: 130,
    rating: { average: 4.3, count: 264 },
    enrollmentCount: 780,
    sections: [
      {
        title: 'The three statements',
        lessons: [
          {
            title: 'The income statement',
            minutes: 9,
            text: md`
              ## Profit over a period

              The income statement (profit and loss, P&L) shows revenue and costs over a period such as a quarter or a year:

              ~~~text
              Revenue                      1,000
              - Cost of goods sold          (400)
              = Gross profit                  600
              - Operating expenses          (350)
              = Operating profit (EBIT)       250
              - Interest                     (20)
              - Tax                          (55)
              = Net income                    175
              ~~~

              ## Key ratios

              - **Gross margin** (gross profit / revenue): how much each sale contributes before overheads. Here 60%.
              - **Operating margin** (EBIT / revenue): profitability of the core business. Here 25%.

              ## Accrual accounting

              Revenue is recorded when it is earned, not when cash arrives; costs when they are incurred, not when paid. That is why a profitable company can still run out of cash, and why we need the other two statements.
            `,
          },
          {
            title: 'The balance sheet and cash flow statement',
            minutes: 11,
            text: md`
              ## The balance sheet: a snapshot

              At a point in time, what the business owns and how it is financed:

              ~~~text
              Assets = Liabilities + Equity
              ~~~

              Assets include cash, receivables (customers who owe you) and equipment. Liabilities include payables (what you owe suppliers) and loans. Equity is the owners' stake, including accumulated profits.

              ## The cash flow statement: where cash went

              It reconciles net income to the actual change in cash, in three parts:

              - **Operating**: net income, plus non-cash costs such as depreciation, minus increases in working capital (more receivables means cash not yet collected).
              - **Investing**: buying or selling equipment and businesses.
              - **Financing**: borrowing, repaying, issuing shares, paying dividends.

              ## How they link

              Net income flows into equity on the balance sheet and is the first line of operating cash flow. The ending cash on the cash flow statement equals cash on the balance sheet. In a correct model, the balance sheet always balances; if it does not, a link is broken.
            `,
          },
        ],
      },
      {
        title: 'Building a model',
        lessons: [
          {
            title: 'Drivers and assumptions',
            minutes: 11,
            text: md`
              ## Model the causes, not the results

              Instead of typing "revenue grows 10%", build revenue from its drivers:

              ~~~text
              Revenue = customers x orders per customer x average order value
              Customers(next year) = customers x (1 - churn) + new customers
              ~~~

              Drivers make assumptions visible and debatable: is 3% monthly churn realistic? Stakeholders can challenge the inputs instead of the outcome.

              ## Structure the spreadsheet

              - **Inputs** on one sheet, clearly marked (a common convention is blue font for typed inputs, black for formulas).
              - **Calculations** on another, with no hard-coded numbers inside formulas.
              - **Outputs**: the summary statements and charts.
              - Time runs left to right, one column per period, same columns on every sheet.

              ## Document sources

              Next to each assumption, note where it came from: last year's actuals, a market report, a sales team estimate. A model is only as credible as its weakest documented input.
            `,
          },
          {
            title: 'Scenarios and sensitivity',
            minutes: 9,
            text: md`
              ## The future is a range

              A single forecast hides uncertainty. Build at least three scenarios (base, downside and upside), each a consistent set of assumptions, not just "revenue minus 20%".

              ~~~text
                             Downside   Base   Upside
              New customers     800     1,200   1,600
              Monthly churn     4%       3%      2%
              Price change      0%       3%      5%
              ~~~

              A scenario switch cell (1, 2 or 3) with CHOOSE or INDEX formulas lets the whole model flip between them.

              ## Sensitivity tables

              Vary one or two inputs across a range and record an output, such as year-three cash. A data table shows at a glance which assumptions matter most.

              ## Focus the conversation

              If the outcome barely changes with price but swings wildly with churn, spend your research time on churn. That is the real value of sensitivity analysis: it tells you what to find out next.
            `,
          },
          {
            title: 'Discounted cash flow valuation',
            minutes: 12,
            text: md`
              ## Money later is worth less

              A dollar next year is worth less than a dollar today, because today's dollar could be invested and because the future is uncertain. Discounting converts future cash into today's value:

              ~~~text
              present value = cash flow / (1 + r) ^ t
              ~~~

              where r is the discount rate (the return investors require) and t the number of years.

              ## The steps

              - Forecast free cash flow (operating cash flow minus capital expenditure) for five to ten years.
              - Estimate a terminal value for the years after, for example final year cash x (1 + g) / (r - g), with a modest long-term growth rate g.
              - Discount everything to today and add it up.

              ## Example

              With r = 10%, 100 received in three years is worth 100 / 1.1^3, about 75 today.

              ## Handle with care

              The terminal value is often most of the total, and it is very sensitive to r and g. Always show a sensitivity table for both, and treat the result as a range, not a precise number.
            `,
          },
        ],
      },
    ],
  },
];
