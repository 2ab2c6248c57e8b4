import { A, createAsync, useParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Suspense, Switch } from 'solid-js';
import { NewsletterForm } from '../components/blog/NewsletterForm.tsx';
import { BlogCover, BlogMeta, PostCard } from '../components/blog/PostCard.tsx';
import { ShareLinks } from '../components/blog/ShareLinks.tsx';
import { Markdown } from '../components/Markdown.tsx';
import { SkeletonBlock } from '../components/Skeleton.tsx';
import { blogApi } from '../lib/blog-api.ts';
import { blogPostPath } from '../lib/blog-query.ts';
import { useApp } from '../lib/context.ts';
import { settle } from '../lib/queries.ts';
import { PageTitle, usePageTitle } from '../lib/title.ts';
import { LoadFailure } from './NotFound.tsx';
import '../styles/blog.css';

/** /blog/:slug: a published post (Markdown through the app's sanitiser), share links, related posts, sign-up. */
export default function BlogPost() {
  const params = useParams<{ slug: string }>();
  const { api } = useApp();
  const [attempt, setAttempt] = createSignal(0);
  const post = createAsync(() => {
    attempt();
    return settle(blogApi(api).post(params.slug));
  });
  const failure = () => {
    const r = post();
    return r && !r.ok ? { error: r.error } : undefined;
  };
  const loaded = () => {
    const r = post();
    return r?.ok ? r.value : undefined;
  };
  usePageTitle(() => loaded()?.title ?? 'Blog');
  const url = () => `${globalThis.location?.origin ?? ''}${blogPostPath(params.slug)}`;

  return (
    <Suspense fallback={<SkeletonBlock height={40} label="Loading the post…" class="container" />}>
      <Switch>
        <Match when={failure()}>
          {(f) => (
            <LoadFailure
              error={f().error}
              what="Post"
              notFoundMessage="There is no such post: it may have moved or not be published yet."
              retry={() => setAttempt((n) => n + 1)}
            />
          )}
        </Match>
        <Match when={loaded()}>
          {(p) => (
            <article class="container section blog-post">
              <PageTitle text={p().title} />
              <nav aria-label="Breadcrumb" class="breadcrumb">
                <A href="/blog">Blog</A>
                <Show when={p().category}>
                  {(c) => (
                    <>
                      {' '}
                      › <A href={`/blog?category=${encodeURIComponent(c().slug)}`}>{c().name}</A>
                    </>
                  )}
                </Show>
              </nav>
              <h1>{p().title}</h1>
              <BlogMeta post={p()} />
              <BlogCover post={p()} sizes="(min-width: 60rem) 60rem, 100vw" class="blog-post-cover" eager />
              <Markdown source={p().bodyMd} headingLevel={2} class="prose" />
              <Show when={p().tags.length}>
                <ul class="blog-tags" aria-label="Tags">
                  <For each={p().tags}>
                    {(t) => (
                      <li>
                        <A href={`/blog?tag=${encodeURIComponent(t)}`} class="tag-link">
                          #{t}
                        </A>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
              <ShareLinks url={url()} title={p().title} />
              <Show when={p().related.length}>
                <section aria-labelledby="related-posts" class="blog-related">
                  <h2 id="related-posts">Related posts</h2>
                  <ul class="blog-grid">
                    <For each={p().related}>
                      {(r) => (
                        <li>
                          <PostCard post={r} />
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </Show>
              <NewsletterForm />
            </article>
          )}
        </Match>
      </Switch>
    </Suspense>
  );
}
