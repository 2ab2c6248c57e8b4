/**
 * The demo homepage (hero, featured courses and bundles, testimonials) and the legal pages:
 * plain, honest texts for this platform. The refund policy matches what the commerce module
 * does (docs/commerce.md): admins refund an order, a full refund ends its enrollments or seats,
 * and every refund gets a credit note.
 */

export const SITE_HOME = {
  hero: {
    title: 'Practical courses that fit around your life.',
    text: 'Short, hands-on courses from working practitioners. Learn at your own pace, pick up where you left off on any device, and see your progress lesson by lesson.',
    ctaLabel: 'Browse courses',
    ctaHref: '/courses',
  },
  /** Course slugs, in display order (published demo courses). */
  featuredCourses: ['html-css-foundations', 'modern-javascript-essentials', 'docker-for-developers'],
  /** Bundle slugs, in display order. */
  featuredBundles: ['full-stack-javascript', 'containers-to-production'],
  testimonials: [
    {
      quote: 'I finished the HTML and CSS course on my lunch breaks and shipped my first real page a month later.',
      name: 'Priya N.',
      role: 'Career changer',
    },
    {
      quote: 'Short lessons, real exercises and no fluff. Our whole team uses it for onboarding now.',
      name: 'Marco L.',
      role: 'Engineering manager',
    },
    {
      quote: 'Being able to pick up exactly where I left off on my phone made all the difference.',
      name: 'Jen K.',
      role: 'Student',
    },
  ],
} as const;

export interface LegalText {
  slug: 'terms' | 'privacy' | 'refund-policy';
  title: string;
  body: string;
}

export const LEGAL_PAGES: LegalText[] = [
  {
    slug: 'terms',
    title: 'Terms of use',
    body: `These terms apply to everyone who uses Learnwell, with or without an account.

## Your account

- Keep your password to yourself; you are responsible for what happens under your account.
- Give us a real email address: we send receipts, invitations and password resets there.
- We may suspend an account that abuses the platform, other learners or instructors.

## Courses

- Buying or enrolling in a course gives you personal access to it for as long as the course is offered.
- Company seats belong to the company that bought them; its admins assign and take them back.
- Course content belongs to its instructors. Do not copy, resell or republish it.

## What you post

Questions, notes, reviews and submissions stay yours, but you allow us to show them where you
posted them. Be respectful: we remove content that is abusive, unlawful or off topic.

## Payments

Prices are shown before you pay, taxes included where they apply. Every payment gets an invoice.
Refunds follow our [refund policy](/legal/refund-policy).

## Changes

We may update these terms; the date at the bottom of this page shows the last change. Questions?
Use the contact form on the [FAQ page](/faq).`,
  },
  {
    slug: 'privacy',
    title: 'Privacy policy',
    body: `We collect only what we need to run your courses.

## What we keep

- **Account:** your name, email address, password hash, profile photo and settings.
- **Learning:** your enrollments, lesson progress, quiz answers, submissions, notes and certificates.
- **Payments:** your orders, invoices and refunds. Card details are handled by our payment provider; we never see or store them.
- **Messages:** what you send through the contact form.

## Why

To give you access to your courses, show your progress, issue invoices and certificates, answer
your questions and keep the platform safe. We do not sell your data and we show no third-party ads.

## Who sees it

Instructors see the progress and submissions of learners in their own courses. If your company
gave you a seat, its admins see your progress in the courses they assigned. Our admins see what
they need to support you.

## Your rights

You can read and correct your profile at any time. To get a copy of your data or to delete your
account, write to us through the contact form on the [FAQ page](/faq). Invoices are kept as long
as the law requires.`,
  },
  {
    slug: 'refund-policy',
    title: 'Refund policy',
    body: `We want you to be happy with what you bought.

## Courses and bundles

- Ask for a refund within **14 days** of your payment, through the contact form on the [FAQ page](/faq), with your order number.
- A full refund ends your access to the refunded courses; your progress in them is kept in case you come back.
- Refunds go back to the payment method you used. Your bank may take a few days to show them.
- Every refund gets a credit note, which you find with the order's invoice.

## Company seats

Unassigned seats can be refunded within 14 days of the purchase. A full refund takes back the
seats that were not assigned yet.

## Free courses

Free courses cost nothing, so there is nothing to refund; you can leave them at any time.`,
  },
];
