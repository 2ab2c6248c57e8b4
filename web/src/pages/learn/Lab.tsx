import { useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { Async } from '../../components/Async.tsx';
import { Breadcrumb } from '../../components/Breadcrumb.tsx';
import { LabWorkspace } from '../../components/labs/LabWorkspace.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { useApp } from '../../lib/context.ts';
import { labsApi, loadLabBySlug } from '../../lib/labs-api.ts';
import { refetch } from '../../lib/queries.ts';
import { createReloadable } from '../../lib/reloadable.ts';
import { PageTitle } from '../../lib/title.ts';

/** One code lab for its learner (`/learn/:slug/labs/:lab`, the lab's slug): the workspace. */
export default function LabPage() {
  return (
    <RequireAuth>
      <LabView />
    </RequireAuth>
  );
}

function LabView() {
  const params = useParams<{ slug: string; lab: string }>();
  const { api, queries } = useApp();
  const calls = labsApi(api);
  const [detail, reload] = createReloadable(() => loadLabBySlug(calls, params.slug, params.lab));
  const course = `/learn/${encodeURIComponent(params.slug)}`;
  return (
    <div class="container section lab-page">
      <Breadcrumb
        links={[
          { href: course, label: 'Course' },
          { href: `${course}?tab=labs`, label: 'Labs' },
        ]}
        current="Lab"
      />
      <Async data={detail} fallback={<SkeletonBlock height={24} label="Loading the lab…" />} retry={reload}>
        {(lab) => (
          <>
            <PageTitle text={lab().title} />
            <h1>{lab().title}</h1>
            {/* Keyed: another lab gets a fresh workspace with its own code and results. */}
            <Show when={lab()} keyed>
              {(l) => (
                <LabWorkspace
                  lab={l}
                  onSubmitted={(result) => {
                    // The player and the dashboard show the course's progress: ask again when they open.
                    if (result.status === 'passed') {
                      refetch(queries.player, params.slug);
                      refetch(queries.dashboard);
                    }
                  }}
                />
              )}
            </Show>
          </>
        )}
      </Async>
    </div>
  );
}
