import { Route, type RoutePreloadFuncArgs, Router } from '@solidjs/router';
import { createEffect, createSignal, lazy, on } from 'solid-js';
import type { PublicConfig } from '../../edge/api-types.ts';
import { Layout } from './components/Layout.tsx';
import { createApi } from './lib/api.ts';
import { createAuth } from './lib/auth.ts';
import { bundleQueries } from './lib/bundles-api.ts';
import { parseCatalogQuery, toApiQuery } from './lib/catalog-query.ts';
import { AppContext, type AppServices } from './lib/context.ts';
import { showDevOutbox } from './lib/dev-outbox.ts';
import { type FirstDataStore, HOME_NEWEST, HOME_POPULAR } from './lib/first-data.ts';
import { createQueries, revalidateUserData } from './lib/queries.ts';
import { preloadCourseReviewsAndFaq } from './lib/reviews-api.ts';
import { type LazyAuth, lazySupabase } from './lib/supabase.ts';
import Home from './pages/Home.tsx';
import NotFound from './pages/NotFound.tsx';
import { matchesRoute, ROUTES } from './routes.ts';

const Catalog = lazy(() => import('./pages/Catalog.tsx'));
const CourseDetails = lazy(() => import('./pages/CourseDetails.tsx'));
const ForCompanies = lazy(() => import('./pages/ForCompanies.tsx'));
const Cart = lazy(() => import('./pages/Cart.tsx'));
const Checkout = lazy(() => import('./pages/Checkout.tsx'));
const TestCheckout = lazy(() => import('./pages/TestCheckout.tsx'));
const Orders = lazy(() => import('./pages/Orders.tsx'));
const OrderDetail = lazy(() => import('./pages/OrderDetail.tsx'));
const Bundles = lazy(() => import('./pages/Bundles.tsx'));
const BundleDetails = lazy(() => import('./pages/BundleDetails.tsx'));
const Company = lazy(() => import('./pages/company/Overview.tsx'));
const CompanyPeople = lazy(() => import('./pages/company/People.tsx'));
const CompanyImport = lazy(() => import('./pages/company/Import.tsx'));
const CompanyGroups = lazy(() => import('./pages/company/Groups.tsx'));
const CompanyAssignments = lazy(() => import('./pages/company/Assignments.tsx'));
const CompanyReports = lazy(() => import('./pages/company/Reports.tsx'));
const CompanyBilling = lazy(() => import('./pages/company/Billing.tsx'));
const Join = lazy(() => import('./pages/Join.tsx'));
const AdminCompanies = lazy(() => import('./pages/admin/Companies.tsx'));
const About = lazy(() => import('./pages/About.tsx'));
const Faq = lazy(() => import('./pages/Faq.tsx'));
const AdminFaq = lazy(() => import('./pages/admin/Faq.tsx'));
const AdminPeople = lazy(() => import('./pages/admin/People.tsx'));
const AdminOverview = lazy(() => import('./pages/admin/Overview.tsx'));
const AdminSite = lazy(() => import('./pages/admin/Site.tsx'));
const Legal = lazy(() => import('./pages/Legal.tsx'));
const Blog = lazy(() => import('./pages/Blog.tsx'));
const BlogPost = lazy(() => import('./pages/BlogPost.tsx'));
const BlogConfirm = lazy(() => import('./pages/BlogConfirm.tsx'));
const AdminBlog = lazy(() => import('./pages/admin/Blog.tsx'));
const AdminAudit = lazy(() => import('./pages/admin/Audit.tsx'));
const SignIn = lazy(() => import('./pages/SignIn.tsx'));
const SignUp = lazy(() => import('./pages/SignUp.tsx'));
const ForgotPassword = lazy(() => import('./pages/ForgotPassword.tsx'));
const ResetPassword = lazy(() => import('./pages/ResetPassword.tsx'));
const Dashboard = lazy(() => import('./pages/Dashboard.tsx'));
const Player = lazy(() => import('./pages/Player.tsx'));
const Profile = lazy(() => import('./pages/Profile.tsx'));
const NotificationSettings = lazy(() => import('./pages/NotificationSettings.tsx'));
const Certificates = lazy(() => import('./pages/Certificates.tsx'));
const Verify = lazy(() => import('./pages/Verify.tsx'));
const Teach = lazy(() => import('./pages/Teach.tsx'));
const CourseWizard = lazy(() => import('./pages/teach/CourseWizard.tsx'));
const TeachStudents = lazy(() => import('./pages/teach/Students.tsx'));
const CourseQueue = lazy(() => import('./pages/admin/CourseQueue.tsx'));
const AdminCourses = lazy(() => import('./pages/admin/Courses.tsx'));
const AdminCategories = lazy(() => import('./pages/admin/Categories.tsx'));
const AdminReviews = lazy(() => import('./pages/admin/Reviews.tsx'));
const AdminReports = lazy(() => import('./pages/admin/Reports.tsx'));
const CourseMedia = lazy(() => import('./pages/CourseMedia.tsx'));
const TeachReviews = lazy(() => import('./pages/teach/Reviews.tsx'));
const TeachFaq = lazy(() => import('./pages/teach/Faq.tsx'));
const AdminCommerce = lazy(() => import('./pages/AdminCommerce.tsx'));
const DevOutbox = lazy(() => import('./pages/DevOutbox.tsx'));
const Quiz = lazy(() => import('./pages/learn/Quiz.tsx'));
const QuizBuilder = lazy(() => import('./pages/teach/QuizBuilder.tsx'));
const Assignment = lazy(() => import('./pages/learn/Assignment.tsx'));
const Gradebook = lazy(() => import('./pages/learn/Gradebook.tsx'));
const TeachAssignments = lazy(() => import('./pages/teach/Assignments.tsx'));
const Grading = lazy(() => import('./pages/teach/Grading.tsx'));
const Lab = lazy(() => import('./pages/learn/Lab.tsx'));
const Session = lazy(() => import('./pages/learn/Session.tsx'));
const TeachSessions = lazy(() => import('./pages/teach/Sessions.tsx'));
const TeachNotes = lazy(() => import('./pages/teach/Notes.tsx'));
const TeachLabs = lazy(() => import('./pages/teach/Labs.tsx'));
const LabsQueue = lazy(() => import('./pages/admin/LabsQueue.tsx'));

/**
 * The code of the first page, when the host modulepreloads it with the page (web/src/lib/first-data.ts):
 * boot waits for it, so the first paint is the whole page rather than a loading state.
 */
export function loadFirstPage(pathname: string): Promise<unknown> {
  if (matchesRoute(ROUTES.catalog, pathname)) return Catalog.preload();
  if (matchesRoute(ROUTES.course, pathname)) return CourseDetails.preload();
  return Promise.resolve();
}

export function App(props: { config: PublicConfig; lazyAuth: LazyAuth; firstData?: FirstDataStore }) {
  const lazyAuth = props.lazyAuth;
  const authClient = lazyAuth.client;
  const auth = createAuth(lazyAuth);
  const api = createApi(() => lazyAuth.accessToken(), props.firstData);
  const queries = createQueries(api);

  // Course pages, the dashboard and the player answer per user: ask again after sign-in or out.
  createEffect(
    on(
      () => auth.state.user?.id,
      () => void revalidateUserData(),
      { defer: true },
    ),
  );

  const [message, setMessage] = createSignal('');
  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  const announce = (text: string) => {
    // Clear first so the same message is announced again.
    setMessage('');
    clearTimeout(clearTimer);
    setTimeout(() => setMessage(text), 50);
    clearTimer = setTimeout(() => setMessage(''), 8000);
  };

  const services: AppServices = {
    config: props.config,
    authClient,
    supabase: lazySupabase(props.config, lazyAuth),
    api,
    queries,
    auth,
    announce,
    liveMessage: message,
  };

  // Each preload starts the route's data while its code downloads (and on link hover).
  const signedOut = () => auth.state.status === 'signed-out';
  const preload = {
    home: () => {
      void queries.courses(HOME_POPULAR);
      void queries.courses(HOME_NEWEST);
      void queries.categories();
    },
    catalog: ({ location }: RoutePreloadFuncArgs) => {
      void queries.courses(toApiQuery(parseCatalogQuery(location.search)));
      void queries.categories();
    },
    course: ({ params }: RoutePreloadFuncArgs) => {
      void queries.course(params.slug!);
      // "See in bundle" renders later (components/InBundles.tsx); its answer is in the first data now.
      void bundleQueries(api).courseBundles(params.slug!);
      // So do the reviews and the FAQ (components/reviews/).
      preloadCourseReviewsAndFaq(api, params.slug!);
    },
    dashboard: () => (signedOut() ? undefined : void queries.dashboard()),
    player: ({ params }: RoutePreloadFuncArgs) => {
      if (signedOut()) return;
      void queries.player(params.slug!);
      if (params.lessonId) void queries.lesson(params.lessonId);
    },
  };

  return (
    <AppContext.Provider value={services}>
      <Router root={Layout}>
        <Route path={ROUTES.home} component={Home} preload={preload.home} />
        <Route path={ROUTES.catalog} component={Catalog} preload={preload.catalog} />
        <Route path={ROUTES.course} component={CourseDetails} preload={preload.course} />
        <Route path={ROUTES.forCompanies} component={ForCompanies} />
        <Route path={ROUTES.cart} component={Cart} />
        <Route path={ROUTES.checkout} component={Checkout} />
        <Route path={ROUTES.testCheckout} component={TestCheckout} />
        <Route path={ROUTES.orders} component={Orders} />
        <Route path={ROUTES.order} component={OrderDetail} />
        <Route path={ROUTES.bundles} component={Bundles} />
        <Route path={ROUTES.bundle} component={BundleDetails} />
        <Route path={ROUTES.company} component={Company} />
        <Route path={ROUTES.companyPeople} component={CompanyPeople} />
        <Route path={ROUTES.companyImport} component={CompanyImport} />
        <Route path={ROUTES.companyGroups} component={CompanyGroups} />
        <Route path={ROUTES.companyAssignments} component={CompanyAssignments} />
        <Route path={ROUTES.companyReports} component={CompanyReports} />
        <Route path={ROUTES.companyBilling} component={CompanyBilling} />
        <Route path={ROUTES.join} component={Join} />
        <Route path={ROUTES.about} component={About} />
        <Route path={ROUTES.faq} component={Faq} />
        <Route path={ROUTES.legal} component={Legal} />
        <Route path={ROUTES.blog} component={Blog} />
        <Route path={ROUTES.blogConfirm} component={BlogConfirm} />
        <Route path={ROUTES.blogPost} component={BlogPost} />
        <Route path={ROUTES.signIn} component={SignIn} />
        <Route path={ROUTES.signUp} component={SignUp} />
        <Route path={ROUTES.forgotPassword} component={ForgotPassword} />
        <Route path={ROUTES.resetPassword} component={ResetPassword} />
        <Route path={ROUTES.dashboard} component={Dashboard} preload={preload.dashboard} />
        <Route path={ROUTES.assignment} component={Assignment} />
        <Route path={ROUTES.gradebook} component={Gradebook} />
        <Route path={ROUTES.teachAssignments} component={TeachAssignments} />
        <Route path={ROUTES.grading} component={Grading} />
        <Route path={ROUTES.quiz} component={Quiz} />
        <Route path={ROUTES.teachQuizzes} component={QuizBuilder} />
        <Route path={ROUTES.lab} component={Lab} />
        <Route path={ROUTES.session} component={Session} />
        <Route path={ROUTES.teachSessions} component={TeachSessions} />
        <Route path={ROUTES.teachNotes} component={TeachNotes} />
        <Route path={ROUTES.teachLabs} component={TeachLabs} />
        <Route path={ROUTES.adminCompanies} component={AdminCompanies} />
        <Route path={ROUTES.adminFaq} component={AdminFaq} />
        <Route path={ROUTES.adminPeople} component={AdminPeople} />
        <Route path={ROUTES.adminOverview} component={AdminOverview} />
        <Route path={ROUTES.adminSite} component={AdminSite} />
        <Route path={ROUTES.adminBlog} component={AdminBlog} />
        <Route path={ROUTES.adminAudit} component={AdminAudit} />
        <Route path={ROUTES.adminLabsQueue} component={LabsQueue} />
        <Route path={ROUTES.player} component={Player} preload={preload.player} />
        <Route path={ROUTES.profile} component={Profile} />
        <Route path={ROUTES.notificationSettings} component={NotificationSettings} />
        <Route path={ROUTES.certificates} component={Certificates} />
        <Route path={ROUTES.verify} component={Verify} />
        <Route path={ROUTES.teach} component={Teach} />
        <Route path={ROUTES.courseNew} component={CourseWizard} />
        <Route path={ROUTES.courseEdit} component={CourseWizard} />
        <Route path={ROUTES.teachStudents} component={TeachStudents} />
        <Route path={ROUTES.adminCourseQueue} component={CourseQueue} />
        <Route path={ROUTES.adminCourses} component={AdminCourses} />
        <Route path={ROUTES.adminCategories} component={AdminCategories} />
        <Route path={ROUTES.adminReviews} component={AdminReviews} />
        <Route path={ROUTES.adminReports} component={AdminReports} />
        <Route path={ROUTES.courseMedia} component={CourseMedia} />
        <Route path={ROUTES.teachReviews} component={TeachReviews} />
        <Route path={ROUTES.teachFaq} component={TeachFaq} />
        <Route path={ROUTES.adminCommerce} component={AdminCommerce} />
        <Route
          path={ROUTES.devOutbox}
          component={showDevOutbox(props.config, location.hostname) ? DevOutbox : NotFound}
        />
        <Route path="*404" component={NotFound} />
      </Router>
    </AppContext.Provider>
  );
}
