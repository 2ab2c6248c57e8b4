/**
 * The FAQ center's demo content (/faq, docs/faq-center.md): the five themes and real answers to
 * the questions learners ask, in Markdown. The first three are the home page's FAQ teaser.
 */

export interface DemoFaqTheme {
  slug: 'payments' | 'courses' | 'accounts' | 'companies' | 'certificates';
  title: string;
  description: string;
}

export interface DemoFaqArticle {
  /** A stable key for the article's seed id. */
  key: string;
  theme: DemoFaqTheme['slug'];
  question: string;
  answer: string;
}

export interface DemoContactMessage {
  key: string;
  name: string;
  email: string;
  topic: DemoFaqTheme['slug'] | 'other';
  message: string;
  /** A demo account that sent it while signed in. */
  fromAccount?: string;
  /** Hours before the seed ran. */
  hoursAgo: number;
  handled: boolean;
}

export const FAQ_THEMES: DemoFaqTheme[] = [
  { slug: 'courses', title: 'Courses and learning', description: 'Enrolling, the course player and your progress.' },
  { slug: 'payments', title: 'Payments and refunds', description: 'Prices, invoices, coupons and refunds.' },
  { slug: 'accounts', title: 'Your account', description: 'Signing in, passwords, security and your profile.' },
  { slug: 'companies', title: 'Companies and teams', description: 'Seats, invitations and reports for teams.' },
  { slug: 'certificates', title: 'Certificates', description: 'Earning, sharing and verifying certificates.' },
];

export const FAQ_ARTICLES: DemoFaqArticle[] = [
  {
    key: 'free-courses',
    theme: 'courses',
    question: 'Are there free courses?',
    answer:
      'Yes. Choose **Free** under *Price* in the [course catalog](/courses?price=free). Free courses need only an account: enroll with one click and start straight away.',
  },
  {
    key: 'track-progress',
    theme: 'courses',
    question: 'How do I keep track of my progress?',
    answer:
      'Mark each lesson as complete in the course player. [My learning](/dashboard) shows every course you are enrolled in, how far you are and where to continue.',
  },
  {
    key: 'keep-access',
    theme: 'courses',
    question: 'Do I keep access to a course?',
    answer:
      'Your enrollment stays on your account, and you can come back to a course you have finished to review it at any time. A refunded course is the one exception: its access ends with the refund.',
  },
  {
    key: 'locked-lessons',
    theme: 'courses',
    question: 'Why are some lessons locked?',
    answer:
      'Some courses release lessons over time. A locked lesson shows the date it opens; until then you can work through the lessons already available.',
  },
  {
    key: 'live-sessions',
    theme: 'courses',
    question: 'How do live sessions work?',
    answer:
      'Instructors schedule live sessions for the learners of a course. You find them on the course page and in your dashboard, can add them to your calendar (.ics), and ask questions in the session Q&A, where others upvote them.',
  },
  {
    key: 'payment-methods',
    theme: 'payments',
    question: 'Which payment methods do you accept?',
    answer:
      "Card payments and PayPal, through our payment provider's secure checkout page. We never see or store your card number.",
  },
  {
    key: 'refunds',
    theme: 'payments',
    question: 'Can I get a refund?',
    answer:
      'Yes, within **14 days** of payment, as long as you have completed less than 30% of the course. Open the order under [Orders](/orders) and choose *Request a refund*. You receive a credit note, and the course leaves your learning.',
  },
  {
    key: 'invoices',
    theme: 'payments',
    question: 'Where do I find my invoice?',
    answer:
      'Every paid order has an invoice, numbered and dated. Open it from [Orders](/orders) to download the PDF; a refund adds a credit note next to it.',
  },
  {
    key: 'coupons',
    theme: 'payments',
    question: 'How do I use a coupon or a bundle discount?',
    answer:
      'Enter the coupon code in your cart before checkout; the discount shows in the total at once. Bundles are priced as a set, and some courses are cheaper when bought together: the cart applies the best rule for you.',
  },
  {
    key: 'forgot-password',
    theme: 'accounts',
    question: 'I forgot my password. What now?',
    answer: 'Use **Forgot your password?** on the [sign-in page](/signin). We email you a link to choose a new one.',
  },
  {
    key: 'two-factor',
    theme: 'accounts',
    question: 'Can I protect my account with two-factor authentication?',
    answer:
      'Yes. In your [profile](/profile), turn on two-factor authentication and scan the code with an authenticator app. From then on, signing in asks for a six-digit code as well as your password.',
  },
  {
    key: 'change-email',
    theme: 'accounts',
    question: 'How do I change my name, photo or language?',
    answer:
      'Open your [profile](/profile): your name, photo, date of birth and language are yours to change at any time.',
  },
  {
    key: 'team-seats',
    theme: 'companies',
    question: 'Can my company buy seats for a team?',
    answer:
      'Yes. See [For companies](/for-companies): buy seats for a course or a bundle, invite your people by email or import a CSV file, and follow their progress from the company dashboard.',
  },
  {
    key: 'seat-reuse',
    theme: 'companies',
    question: 'What happens to a seat when someone leaves the team?',
    answer:
      'A company admin removes the person from the company; a seat they had not used yet goes back to the pool, so you can assign it to someone else.',
  },
  {
    key: 'earn-certificate',
    theme: 'certificates',
    question: 'How do I earn a certificate?',
    answer:
      'Complete every lesson of a course and pass its graded quizzes and assignments. The certificate is issued at once and listed under [Certificates](/certificates) as a PDF.',
  },
  {
    key: 'verify-certificate',
    theme: 'certificates',
    question: 'How can an employer check my certificate?',
    answer:
      'Each certificate carries a verification code and a QR code. Anyone can enter the code on the verification page, or scan the QR code, to see that it is genuine and whether it is still valid.',
  },
];

export const CONTACT_MESSAGES: DemoContactMessage[] = [
  {
    key: 'invoice-vat',
    name: 'Riley Park',
    email: 'student@demo.test',
    topic: 'payments',
    message: 'Could my invoices show my company VAT number? I pay for courses myself but expense them.',
    fromAccount: 'student@demo.test',
    hoursAgo: 50,
    handled: true,
  },
  {
    key: 'school-licence',
    name: 'Helena Fischer',
    email: 'h.fischer@school.example',
    topic: 'companies',
    message: 'We are a vocational school with 40 students. Do you offer seats for schools, billed once a year?',
    hoursAgo: 20,
    handled: false,
  },
  {
    key: 'certificate-name',
    name: 'Tomás Ortega',
    email: 'tomas.ortega@mail.example',
    topic: 'certificates',
    message: 'My certificate shows my name without the accent. Can it be issued again with "Tomás"?',
    hoursAgo: 3,
    handled: false,
  },
];

/** Demo accounts' votes: (account, article key, helpful). */
export const FAQ_VOTES: [string, string, boolean][] = [
  ['student@demo.test', 'refunds', true],
  ['student@demo.test', 'track-progress', true],
  ['employee@demo.test', 'team-seats', true],
  ['companyadmin@demo.test', 'seat-reuse', false],
];
