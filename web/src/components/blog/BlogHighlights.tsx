import { A, createAsync } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { blogApi } from '../../lib/blog-api.ts';
import { EMPTY_BLOG_STATE } from '../../lib/blog-query.ts';
import { useApp } from '../../lib/context.ts';
import { settle } from '../../lib/queries.ts';
import { PostCard } from './PostCard.tsx';
import '../../styles/blog.css';

/** The home page's "From the blog": the three latest published posts (nothing when there are none). */
export function BlogHighlights() {
  const { api } = useApp();
  const posts = createAsync(() => settle(blogApi(api).posts(EMPTY_BLOG_STATE)));
  const latest = () => {
    const r = posts();
    return r?.ok ? r.value.items.slice(0, 3) : [];
  };
  return (
    <Show when={latest().length}>
      <section class="container section blog-highlights" aria-labelledby="blog-highlights-title">
        <h2 id="blog-highlights-title">From the blog</h2>
        <ul class="blog-grid">
          <For each={latest()}>
            {(p) => (
              <li>
                <PostCard post={p} />
              </li>
            )}
          </For>
        </ul>
        <A href="/blog" class="button button-secondary">
          Read the blog
        </A>
      </section>
    </Show>
  );
}
