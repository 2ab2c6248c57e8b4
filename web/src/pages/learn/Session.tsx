import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { Async } from '../../components/Async.tsx';
import { Breadcrumb } from '../../components/Breadcrumb.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { SessionRoom } from '../../components/sessions/SessionRoom.tsx';
import { useApp } from '../../lib/context.ts';
import { createReloadable } from '../../lib/reloadable.ts';
import { sessionsApi } from '../../lib/sessions-api.ts';
import { PageTitle } from '../../lib/title.ts';
import '../../styles/sessions.css';

/** A live session (`/learn/:slug/sessions/:sessionId`): when and where, who is here, and the live Q&A. */
export default function SessionPage() {
  return (
    <RequireAuth>
      <SessionView />
    </RequireAuth>
  );
}

function SessionView() {
  const params = useParams<{ slug: string; sessionId: string }>();
  const { api, auth } = useApp();
  const calls = sessionsApi(api);
  const [detail, reload] = createReloadable(() => calls.detail(params.sessionId));
  const course = `/learn/${encodeURIComponent(params.slug)}`;
  const user = () => auth.state.user;
  return (
    <div class="container section session-page">
      <Breadcrumb
        links={[
          { href: course, label: 'Course' },
          { href: `${course}?tab=sessions`, label: 'Live sessions' },
        ]}
        current="Session"
      />
      <Async data={detail} fallback={<SkeletonBlock height={24} label="Loading the session…" />} retry={reload}>
        {(s) => (
          <>
            <PageTitle text={s().title} />
            <h1>{s().title}</h1>
            {/* Keyed: another session (or user) gets fresh channels and a fresh list. */}
            <Show when={user() && { session: s(), user: user()! }} keyed>
              {(v) => (
                <SessionRoom
                  session={v.session}
                  userId={v.user.id}
                  userName={`${v.user.firstName} ${v.user.lastName}`.trim() || 'Someone'}
                />
              )}
            </Show>
          </>
        )}
      </Async>
    </div>
  );
}
