import { A, createAsync, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import type { BlogPostCard } from '../../../edge/contract/blog.ts';
import { Async } from '../components/Async.tsx';
import { NewsletterForm } from '../components/blog/NewsletterForm.tsx';
import { PostCard } from '../components/blog/PostCard.tsx';
import { SearchForm } from '../components/SearchForm.tsx';
import { SkeletonCards } from '../components/Skeleton.tsx';
import { blogApi } from '../lib/blog-api.ts';
import { type BlogState, EMPTY_BLOG_STATE, hasBlogFilters, parseBlogQuery, toBlogSearch } from '../lib/blog-query.ts';
import { useApp } from '../lib/context.ts';
import { plural } from '../lib/format.ts';
import { settle } from '../lib/queries.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/blog.css';

/**
 * /blog: featured posts, the latest posts (search, category and tag filters, pages, all in the
 * URL), the categories and tags, and the newsletter sign-up.
 */
export default function Blog() {
  const { api } = useApp();
  const blog = blogApi(api);
  const location = useLocation();
  const navigate = useNavigate();
  const state = createMemo(() => parseBlogQuery(location.search), EMPTY_BLOG_STATE, {
    equals: (a, b) => toBlogSearch(a) === toBlogSearch(b),
  });
  const posts = createAsync(() => settle(blog.posts(state())));
  const categories = createAsync(() => settle(blog.categories()));
  usePageTitle(() => (state().q ? `“${state().q}”: blog` : 'Blog'));

  const href = (next: BlogState) => `/blog${toBlogSearch(next)}`;
  const [query, setQuery] = createSignal(state().q);
  createEffect(on(() => state().q, setQuery, { defer: true }));
  const onSearch = (e: SubmitEvent) => {
    e.preventDefault();
    navigate(href({ ...state(), q: query().trim(), page: 1 }));
  };
  const categoryList = () => {
    const r = categories();
    return r?.ok ? r.value.items : [];
  };
  const showFeatured = (list: { featured: unknown[] }) =>
    !hasBlogFilters(state()) && state().page === 1 && list.featured.length > 0;
  /** The latest posts, less those already shown as featured above them. */
  const latest = (list: { items: BlogPostCard[]; featured: BlogPostCard[] }) => {
    if (!showFeatured(list)) return list.items;
    const shown = new Set(list.featured.map((p) => p.id));
    return list.items.filter((p) => !shown.has(p.id));
  };
  const categoryName = () => categoryList().find((c) => c.slug === state().category)?.name;

  return (
    <div class="container section blog">
      <header class="blog-head">
        <h1>Blog</h1>
        <p class="lead">Articles on learning well and on the skills our courses teach.</p>
        <SearchForm
          id="blog-search"
          label="Search the blog"
          placeholder="Search posts"
          value={query()}
          onInput={setQuery}
          onSearch={onSearch}
        />
      </header>
      <div class="blog-layout">
        <div class="blog-main">
          <Async data={posts} fallback={<SkeletonCards count={3} label="Loading posts…" />}>
            {(list) => (
              <>
                <Show when={showFeatured(list())}>
                  <section aria-labelledby="featured-posts" class="blog-featured">
                    <h2 id="featured-posts">Featured</h2>
                    <ul class="blog-grid">
                      <For each={list().featured}>
                        {(p) => (
                          <li>
                            <PostCard post={p} />
                          </li>
                        )}
                      </For>
                    </ul>
                  </section>
                </Show>
                <section aria-labelledby="latest-posts">
                  <h2 id="latest-posts">
                    {state().q ? `Results for “${state().q}”` : categoryName() ? categoryName() : 'Latest posts'}
                    <Show when={state().tag}> tagged #{state().tag}</Show>
                  </h2>
                  <Show when={hasBlogFilters(state())}>
                    <p class="result-count" role="status">
                      {plural(list().total, 'post', 'posts')} · <A href="/blog">Clear filters</A>
                    </p>
                  </Show>
                  <Show when={latest(list()).length} fallback={<p class="empty-state">No posts match.</p>}>
                    <ul class="blog-grid">
                      <For each={latest(list())}>
                        {(p) => (
                          <li>
                            <PostCard post={p} />
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                  <Show when={list().pageCount > 1}>
                    <nav class="pagination" aria-label="Pages">
                      <Show when={state().page > 1}>
                        <A href={href({ ...state(), page: state().page - 1 })}>Newer posts</A>
                      </Show>{' '}
                      <span>
                        Page {state().page} of {list().pageCount}
                      </span>{' '}
                      <Show when={state().page < list().pageCount}>
                        <A href={href({ ...state(), page: state().page + 1 })}>Older posts</A>
                      </Show>
                    </nav>
                  </Show>
                </section>
                <Show when={list().tags.length}>
                  <nav aria-labelledby="blog-tags-title" class="blog-aside-block">
                    <h2 id="blog-tags-title">Tags</h2>
                    <ul class="blog-tags">
                      <For each={list().tags}>
                        {(t) => (
                          <li>
                            <A
                              href={href({ ...state(), tag: state().tag === t.tag ? null : t.tag, page: 1 })}
                              aria-current={state().tag === t.tag ? 'true' : undefined}
                              class="tag-link"
                            >
                              #{t.tag}
                              <span class="sr-only"> ({plural(t.count, 'post', 'posts')})</span>
                            </A>
                          </li>
                        )}
                      </For>
                    </ul>
                  </nav>
                </Show>
              </>
            )}
          </Async>
        </div>
        <aside class="blog-aside" aria-label="Categories and newsletter">
          <Show when={categoryList().length}>
            <nav aria-labelledby="blog-categories-title" class="blog-aside-block">
              <h2 id="blog-categories-title">Categories</h2>
              <ul class="blog-categories">
                <For each={categoryList()}>
                  {(c) => (
                    <li>
                      <A
                        href={href({ ...state(), category: c.slug, page: 1 })}
                        aria-current={state().category === c.slug ? 'true' : undefined}
                      >
                        {c.name} ({c.count})
                      </A>
                    </li>
                  )}
                </For>
              </ul>
            </nav>
          </Show>
          <NewsletterForm />
          <p>
            <a href="/blog/rss.xml">Follow the blog with RSS</a>
          </p>
        </aside>
      </div>
    </div>
  );
}
