import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, Match, Suspense, Switch } from 'solid-js';
import { Markdown } from '../components/Markdown.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { useApp } from '../lib/context.ts';
import { formatDate } from '../lib/format.ts';
import { settle } from '../lib/queries.ts';
import { LEGAL_LINKS, siteApi } from '../lib/site-api.ts';
import { PageTitle, usePageTitle } from '../lib/title.ts';
import { LoadFailure } from './NotFound.tsx';
import '../styles/site.css';

/** /legal/:slug: the terms, privacy policy or refund policy, as the admins wrote them (Markdown). */
export default function Legal() {
  const params = useParams<{ slug: string }>();
  const { api } = useApp();
  const [attempt, setAttempt] = createSignal(0);
  const page = createAsync(() => {
    attempt();
    return settle(siteApi(api).legal(params.slug));
  });
  const failure = () => {
    const r = page();
    return r && !r.ok ? { error: r.error } : undefined;
  };
  const loaded = () => {
    const r = page();
    return r?.ok ? r.value : undefined;
  };
  usePageTitle(() => LEGAL_LINKS.find((l) => l.slug === params.slug)?.label ?? 'Legal');

  return (
    <Suspense fallback={<SkeletonBlock height={30} label="Loading the page…" class="container" />}>
      <Switch>
        <Match when={failure()}>
          {(f) => (
            <LoadFailure
              error={f().error}
              what="Page"
              notFoundMessage="There is no such page."
              retry={() => setAttempt((n) => n + 1)}
            />
          )}
        </Match>
        <Match when={loaded()}>
          {(p) => (
            <article class="container section prose-page legal-page">
              <PageTitle text={p().title} />
              <h1>{p().title}</h1>
              <Markdown source={p().body} headingLevel={2} />
              <p class="muted">Last updated {formatDate(p().updatedAt)}.</p>
              <nav aria-label="Legal pages" class="legal-nav">
                <ul>
                  {LEGAL_LINKS.filter((l) => l.slug !== p().slug).map((l) => (
                    <li>
                      <A href={`/legal/${l.slug}`}>{l.label}</A>
                    </li>
                  ))}
                </ul>
              </nav>
            </article>
          )}
        </Match>
      </Switch>
    </Suspense>
  );
}
