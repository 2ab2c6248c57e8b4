/** Questions and answers shown on the home page (first three) and on /about#faq (all). */
export interface FaqItem {
  q: string;
  a: string;
}

export const FAQ: FaqItem[] = [
  {
    q: 'Are there free courses?',
    a: 'Yes. Choose "Free" under Price in the course catalog. Free courses need only an account: enroll with one click and start straight away.',
  },
  {
    q: 'How do I keep track of my progress?',
    a: 'Mark each lesson as complete in the course player. My learning shows every course you are enrolled in, how far you are and where to continue.',
  },
  {
    q: 'Do I keep access to a course?',
    a: 'Your enrollment stays on your account, and you can come back to a course you have finished to review it at any time.',
  },
  {
    q: 'Why are some lessons locked?',
    a: 'Some courses release lessons over time. A locked lesson shows the date it opens; until then you can work through the lessons already available.',
  },
  {
    q: 'I forgot my password. What now?',
    a: 'Use "Forgot your password?" on the sign-in page. We email you a link to choose a new one.',
  },
  {
    q: 'Can my company buy seats for a team?',
    a: 'Yes. See the For companies page and write to us with the size of your team and the topics you need.',
  },
];

export const HOME_FAQ: FaqItem[] = FAQ.slice(0, 3);
