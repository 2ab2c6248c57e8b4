import { A, createAsync, useParams } from '@solidjs/router';
import { For, Match, Suspense, Switch } from 'solid-js';
import { BundleCard } from '../components/BundleCard.tsx';
import { CourseCard } from '../components/CourseCard.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { bundleQueries } from '../lib/bundles-api.ts';
import { useApp } from '../lib/context.ts';
import { refetch, settle } from '../lib/queries.ts';
import { PageTitle, usePageTitle } from '../lib/title.ts';
import { LoadFailure } from './NotFound.tsx';
import '../styles/bundles.css';

/** /bundles/:slug: one bundle, its price and rules, and its courses as catalog cards. */
export default function BundleDetails() {
  const params = useParams<{ slug: string }>();
  const { api } = useApp();
  const bq = bundleQueries(api);
  const bundle = createAsync(() => settle(bq.bundle(params.slug)));
  const failure = () => {
    const r = bundle();
    return r && !r.ok ? { error: r.error } : undefined;
  };
  const loaded = () => {
    const r = bundle();
    return r?.ok ? r.value : undefined;
  };
  usePageTitle(() => 'Bundle');

  return (
    <Suspense fallback={<SkeletonBlock height={30} label="Loading the bundle…" class="container" />}>
      <Switch>
        <Match when={failure()}>
          {(f) => (
            <LoadFailure
              error={f().error}
              what="Bundle"
              notFoundMessage="This bundle does not exist or is not on sale."
              retry={() => refetch(bq.bundle, params.slug)}
            />
          )}
        </Match>
        <Match when={loaded()}>
          {(b) => (
            <div class="container section bundle-page">
              <PageTitle text={b().title} description={b().description} />
              <nav aria-label="Breadcrumb" class="breadcrumb">
                <ol>
                  <li>
                    <A href="/bundles">Bundles</A>
                  </li>
                </ol>
              </nav>
              <div class="bundle-page-layout">
                <BundleCard bundle={b()} headingLevel={1} />
                <section aria-labelledby="bundle-courses-title">
                  <h2 id="bundle-courses-title">The courses</h2>
                  <div class="card-grid">
                    <For each={b().courseCards}>{(course) => <CourseCard course={course} headingLevel={3} />}</For>
                  </div>
                </section>
              </div>
            </div>
          )}
        </Match>
      </Switch>
    </Suspense>
  );
}
