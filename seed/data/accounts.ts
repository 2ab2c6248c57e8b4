import type { AccountSeed, CompanySeed, EnrollmentSeed, InstructorSeed } from './types.ts';

/** The one password of every demo account. Documented in the README; never use it for real data. */
export const DEMO_PASSWORD = 'learn-demo-2026';

export const ACCOUNTS: AccountSeed[] = [
  { email: 'admin@demo.test', firstName: 'Alex', lastName: 'Morgan', role: 'admin' },
  { email: 'instructor@demo.test', firstName: 'Jordan', lastName: 'Blake', role: 'instructor' },
  { email: 'maya@demo.test', firstName: 'Maya', lastName: 'Chen', role: 'instructor' },
  { email: 'sam@demo.test', firstName: 'Sam', lastName: 'Okafor', role: 'instructor' },
  { email: 'student@demo.test', firstName: 'Riley', lastName: 'Park', role: 'student' },
  { email: 'companyadmin@demo.test', firstName: 'Casey', lastName: 'Nguyen', role: 'student' },
  { email: 'employee@demo.test', firstName: 'Taylor', lastName: 'Brooks', role: 'student' },
  { email: 'globexadmin@demo.test', firstName: 'Morgan', lastName: 'Reyes', role: 'student' },
  { email: 'globex1@demo.test', firstName: 'Jamie', lastName: 'Lee', role: 'student' },
  { email: 'globex2@demo.test', firstName: 'Priya', lastName: 'Shah', role: 'student' },
  { email: 'globex3@demo.test', firstName: 'Diego', lastName: 'Alvarez', role: 'student' },
  { email: 'globex4@demo.test', firstName: 'Noor', lastName: 'Haddad', role: 'student' },
];

export const INSTRUCTORS: InstructorSeed[] = [
  {
    email: 'instructor@demo.test',
    displayName: 'Jordan Blake',
    headline: 'Front-end engineer and platform lead',
    bio:
      'Jordan has spent twelve years building web applications, from agency sites to a design system used by forty teams. ' +
      'These days Jordan leads a platform team and teaches the fundamentals that never go out of date: semantic HTML, ' +
      'modern CSS, JavaScript that reads well, and the tooling that gets it to production safely.',
    expertise: ['HTML & CSS', 'JavaScript', 'TypeScript', 'Web performance', 'Git', 'Docker', 'Kubernetes'],
  },
  {
    email: 'maya@demo.test',
    displayName: 'Maya Chen',
    headline: 'Data scientist, former financial analyst',
    bio:
      'Maya started in corporate finance, moved into analytics when spreadsheets stopped scaling, and now leads a data ' +
      'science team at a logistics company. She teaches Python, SQL and statistics with real, messy data sets, and ' +
      'cares more about asking the right question than about the fanciest model.',
    expertise: ['Python', 'pandas', 'SQL', 'Statistics', 'Machine learning', 'Financial modelling'],
  },
  {
    email: 'sam@demo.test',
    displayName: 'Sam Okafor',
    headline: 'Product designer and product manager',
    bio:
      'Sam has designed and shipped consumer and B2B products for a decade, first as a UI designer, then as a ' +
      "researcher and product manager. Sam's courses are practical: small exercises you can apply to the product " +
      'you work on tomorrow.',
    expertise: ['UI design', 'UX research', 'Product management', 'Design systems'],
  },
];

export const COMPANY: CompanySeed = {
  slug: 'acme',
  name: 'Acme Corp',
  members: [
    { email: 'companyadmin@demo.test', role: 'admin' },
    { email: 'employee@demo.test', role: 'employee' },
  ],
};

/**
 * Demo learners' enrollments (all in free courses). The student's Python course has a drip
 * section that opens 7 days after enrollment, so it shows as locked for a few more days.
 */
export const ENROLLMENTS: EnrollmentSeed[] = [
  {
    email: 'student@demo.test',
    course: 'html-css-foundations',
    enrolledDaysAgo: 12,
    completed: [
      [0, 0],
      [0, 1],
      [0, 2],
      [1, 0],
      [1, 1],
    ],
  },
  {
    email: 'student@demo.test',
    course: 'python-for-data-analysis',
    enrolledDaysAgo: 3,
    completed: [
      [0, 0],
      [0, 1],
    ],
  },
  {
    email: 'employee@demo.test',
    course: 'git-and-github-workflow',
    enrolledDaysAgo: 5,
    completed: [[0, 0]],
  },
];

export interface DemoAccount {
  email: string;
  /** Role label for people (not the database enum). */
  role: string;
  name: string;
  /** What to try with this account. */
  tryThis: string;
}

export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    email: 'student@demo.test',
    role: 'Student',
    name: 'Riley Park',
    tryThis:
      'Open the dashboard: two free courses in progress; continue HTML & CSS Foundations; see the drip-locked lessons in Python for Data Analysis.',
  },
  {
    email: 'instructor@demo.test',
    role: 'Instructor',
    name: 'Jordan Blake',
    tryThis:
      'Your web development and DevOps courses, including an unpublished draft that only you (and admins) can open.',
  },
  {
    email: 'maya@demo.test',
    role: 'Instructor',
    name: 'Maya Chen',
    tryThis: 'Data science and finance courses; one is in review, visible to you and admins only.',
  },
  {
    email: 'sam@demo.test',
    role: 'Instructor',
    name: 'Sam Okafor',
    tryThis: 'Design and product courses.',
  },
  {
    email: 'admin@demo.test',
    role: 'Admin',
    name: 'Alex Morgan',
    tryThis: 'Sees every course, including drafts and the one in review.',
  },
  {
    email: 'companyadmin@demo.test',
    role: 'Company admin (Acme Corp)',
    name: 'Casey Nguyen',
    tryThis: "Admin of Acme Corp: may read Acme employees' enrollments and progress.",
  },
  {
    email: 'employee@demo.test',
    role: 'Employee (Acme Corp)',
    name: 'Taylor Brooks',
    tryThis: 'Learn as an Acme employee: Git & GitHub Workflow is in progress, assigned with a due date.',
  },
  {
    email: 'globexadmin@demo.test',
    role: 'Company admin (Globex)',
    name: 'Morgan Reyes',
    tryThis: "Admin of Globex (4 employees, 2 assigned courses): Acme's people and reports stay out of reach.",
  },
];
