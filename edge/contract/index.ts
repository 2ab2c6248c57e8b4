/**
 * The data API's contract: one zod schema per request and response shape, and the types
 * inferred from them. edge/ validates requests with the schemas; web/ imports only the
 * types (through edge/api-types.ts, `import type`), so no schema ships in the web bundle.
 */
export * from './admin-catalog.ts';
export * from './admin-courses.ts';
export * from './admin-overview.ts';
export * from './admin-people.ts';
export * from './assignments.ts';
export * from './blog.ts';
export * from './bundles.ts';
export * from './catalog.ts';
export * from './certificates.ts';
export * from './checkout.ts';
export * from './checkout-session.ts';
export * from './commerce-admin.ts';
export * from './companies.ts';
export * from './dashboard.ts';
export * from './enrollment.ts';
export * from './faq.ts';
export * from './faq-center.ts';
export * from './labs.ts';
export * from './moderation.ts';
export * from './notes.ts';
export * from './notifications.ts';
export * from './payouts.ts';
export * from './player.ts';
export * from './primitives.ts';
export * from './profile.ts';
export * from './quizzes.ts';
export * from './reviews.ts';
export * from './sessions.ts';
export * from './site.ts';
export * from './system.ts';
export * from './teaching.ts';
