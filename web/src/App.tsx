import { Route, Router } from '@solidjs/router';
import type { SupabaseClient } from '@supabase/supabase-js';
import { createSignal, lazy } from 'solid-js';
import type { PublicConfig } from '../../edge/api-types.ts';
import { Layout } from './components/Layout.tsx';
import { createApi } from './lib/api.ts';
import { createAuth } from './lib/auth.ts';
import { AppContext, type AppServices } from './lib/context.ts';
import Home from './pages/Home.tsx';
import NotFound from './pages/NotFound.tsx';

const Catalog = lazy(() => import('./pages/Catalog.tsx'));
const CourseDetails = lazy(() => import('./pages/CourseDetails.tsx'));
const ForCompanies = lazy(() => import('./pages/ForCompanies.tsx'));
const About = lazy(() => import('./pages/About.tsx'));
const SignIn = lazy(() => import('./pages/SignIn.tsx'));
const SignUp = lazy(() => import('./pages/SignUp.tsx'));
const ForgotPassword = lazy(() => import('./pages/ForgotPassword.tsx'));
const ResetPassword = lazy(() => import('./pages/ResetPassword.tsx'));
const Dashboard = lazy(() => import('./pages/Dashboard.tsx'));
const Player = lazy(() => import('./pages/Player.tsx'));
const DevOutbox = lazy(() => import('./pages/DevOutbox.tsx'));

export function App(props: { config: PublicConfig; supabase: SupabaseClient }) {
  const supabase = props.supabase;
  const auth = createAuth(supabase);
  const api = createApi(async () => {
    const { data } = await supabase.auth.getSession();
    return data.session?.access_token ?? null;
  });

  const [message, setMessage] = createSignal('');
  let clearTimer: ReturnType<typeof setTimeout> | undefined;
  const announce = (text: string) => {
    // Clear first so the same message is announced again.
    setMessage('');
    clearTimeout(clearTimer);
    setTimeout(() => setMessage(text), 50);
    clearTimer = setTimeout(() => setMessage(''), 8000);
  };

  const services: AppServices = { config: props.config, supabase, api, auth, announce, liveMessage: message };

  return (
    <AppContext.Provider value={services}>
      <Router root={Layout}>
        <Route path="/" component={Home} />
        <Route path="/courses" component={Catalog} />
        <Route path="/courses/:slug" component={CourseDetails} />
        <Route path="/for-companies" component={ForCompanies} />
        <Route path="/about" component={About} />
        <Route path="/signin" component={SignIn} />
        <Route path="/signup" component={SignUp} />
        <Route path="/forgot-password" component={ForgotPassword} />
        <Route path="/reset-password" component={ResetPassword} />
        <Route path="/dashboard" component={Dashboard} />
        <Route path="/learn/:slug/:lessonId?" component={Player} />
        <Route path="/dev/outbox" component={props.config.devOutbox ? DevOutbox : NotFound} />
        <Route path="*404" component={NotFound} />
      </Router>
    </AppContext.Provider>
  );
}
