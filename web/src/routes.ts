/**
 * The web app's client routes: one list, used by the router (web/src/App.tsx) and by the Node
 * host (server/static.ts), which answers a path that matches none of them with the app's
 * index.html and status 404, so crawlers see a 404 while people still get the app's not-found
 * page. Plain data with no imports: the server imports this file as it is.
 *
 * Patterns are @solidjs/router's: `:name` is one segment, a trailing `:name?` is optional.
 */
export const ROUTES = {
  home: '/',
  catalog: '/courses',
  course: '/courses/:slug',
  forCompanies: '/for-companies',
  cart: '/cart',
  checkout: '/checkout',
  testCheckout: '/checkout/test/:sessionId',
  orders: '/orders',
  order: '/orders/:id',
  bundles: '/bundles',
  bundle: '/bundles/:slug',
  company: '/company',
  companyPeople: '/company/people',
  companyImport: '/company/import',
  companyGroups: '/company/groups',
  companyAssignments: '/company/assignments',
  companyReports: '/company/reports',
  companyBilling: '/company/billing',
  join: '/join',
  about: '/about',
  faq: '/faq',
  legal: '/legal/:slug',
  blog: '/blog',
  blogConfirm: '/blog/confirm',
  blogPost: '/blog/:slug',
  signIn: '/signin',
  signUp: '/signup',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  dashboard: '/dashboard',
  profile: '/profile',
  notificationSettings: '/account/notifications',
  certificates: '/certificates',
  verify: '/verify/:code?',
  teach: '/teach',
  courseMedia: '/teach/courses/:courseId/media',
  courseNew: '/teach/courses/new',
  courseEdit: '/teach/courses/:courseId/edit/:step?',
  teachStudents: '/teach/courses/:courseId/students',
  adminCourseQueue: '/admin/courses/review',
  adminCourses: '/admin/courses',
  adminCategories: '/admin/courses/categories',
  adminReviews: '/admin/reviews',
  adminReports: '/admin/reports',
  teachReviews: '/teach/reviews',
  teachFaq: '/teach/courses/:courseId/faq',
  adminOverview: '/admin',
  adminCommerce: '/admin/commerce',
  assignment: '/learn/:slug/assignments/:assignmentId',
  gradebook: '/learn/:slug/grades',
  teachAssignments: '/teach/courses/:courseId/assignments',
  grading: '/teach/grading',
  quiz: '/learn/:slug/quizzes/:quizId',
  teachQuizzes: '/teach/courses/:courseId/quizzes',
  lab: '/learn/:slug/labs/:lab',
  teachLabs: '/teach/courses/:courseId/labs',
  adminLabsQueue: '/admin/labs',
  adminCompanies: '/admin/companies',
  adminFaq: '/admin/faq',
  adminPeople: '/admin/people',
  adminAudit: '/admin/audit',
  adminSite: '/admin/site',
  adminBlog: '/admin/blog',
  session: '/learn/:slug/sessions/:sessionId',
  teachSessions: '/teach/courses/:courseId/sessions',
  teachNotes: '/teach/courses/:courseId/notes',
  player: '/learn/:slug/:lessonId?',
  devOutbox: '/dev/outbox',
} as const;

export type RouteName = keyof typeof ROUTES;

/**
 * Whether `pathname` matches `pattern` the way @solidjs/router matches it: one leading and one
 * trailing slash tolerated, no empty segment inside, static segments case-insensitive.
 */
export function matchesRoute(pattern: string, pathname: string): boolean {
  const want = pattern.split('/').filter(Boolean);
  const got = pathname.split('/');
  if (got[0] === '') got.shift();
  if (got.length && got[got.length - 1] === '') got.pop();
  if (got.includes('')) return false;
  const required = want.filter((s) => !s.endsWith('?')).length;
  if (got.length < required || got.length > want.length) return false;
  return got.every((segment, i) => {
    const w = want[i]!;
    return w.startsWith(':') || w.toLowerCase() === segment.toLowerCase();
  });
}

/** Whether the web app has a page for `pathname` (other than its not-found page). */
export function isClientRoute(pathname: string): boolean {
  return Object.values(ROUTES).some((pattern) => matchesRoute(pattern, pathname));
}
