import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import type { BlogPostCard } from '../../../../edge/contract/blog.ts';
import { readingTime } from '../../lib/blog-api.ts';
import { blogPostPath } from '../../lib/blog-query.ts';
import { formatDate } from '../../lib/format.ts';
import { coverSources } from '../../lib/thumbnail-srcset.ts';

/** A post's cover picture (srcset of its widths), or nothing when it has none. */
export function BlogCover(props: { post: BlogPostCard; sizes: string; class: string; eager?: boolean }) {
  const src = () => coverSources(props.post.coverUrl, props.post.coverWidths);
  return (
    <Show when={src()}>
      {(s) => (
        <img
          class={props.class}
          src={s().src}
          srcset={s().srcset}
          sizes={s().srcset ? props.sizes : undefined}
          alt={props.post.coverAlt}
          width="640"
          height="360"
          loading={props.eager ? 'eager' : 'lazy'}
        />
      )}
    </Show>
  );
}

/** Author, date, reading time (and category). */
export function BlogMeta(props: { post: BlogPostCard; category?: boolean }) {
  return (
    <p class="blog-meta">
      {props.post.author.name} · <time datetime={props.post.publishedAt}>{formatDate(props.post.publishedAt)}</time> ·{' '}
      {readingTime(props.post.readingMinutes)}
      <Show when={props.category && props.post.category}>{(c) => <> · {c().name}</>}</Show>
    </p>
  );
}

/** A post in a list: cover, title (the link), meta and excerpt. */
export function PostCard(props: { post: BlogPostCard; level?: 2 | 3 }) {
  const title = () => <A href={blogPostPath(props.post.slug)}>{props.post.title}</A>;
  return (
    <article class="blog-card">
      <BlogCover post={props.post} sizes="(min-width: 48rem) 20rem, 100vw" class="blog-card-cover" />
      <Show when={props.level === 2} fallback={<h3 class="blog-card-title">{title()}</h3>}>
        <h2 class="blog-card-title">{title()}</h2>
      </Show>
      <BlogMeta post={props.post} category />
      <Show when={props.post.excerpt}>
        <p class="blog-card-excerpt">{props.post.excerpt}</p>
      </Show>
    </article>
  );
}
