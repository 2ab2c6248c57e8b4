import { createSignal, For, Show } from 'solid-js';
import type { AdminBlogCategory, AdminBlogPost, BlogStatus } from '../../../../../edge/contract/blog.ts';
import type { AdminPostFilter, BlogApi } from '../../../lib/blog-api.ts';
import { blogPostPath } from '../../../lib/blog-query.ts';
import { useApp } from '../../../lib/context.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { createAction } from '../../../lib/submit.ts';
import { Async } from '../../Async.tsx';
import { SearchForm } from '../../SearchForm.tsx';
import { SkeletonBlock } from '../../Skeleton.tsx';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { FormNotice, SelectField } from '../Fields.tsx';
import { Pager } from '../Pager.tsx';
import { useList } from '../use-list.ts';
import { PostEditor } from './PostEditor.tsx';

const STATUS_LABEL: Record<BlogStatus, string> = { draft: 'Draft', scheduled: 'Scheduled', published: 'Published' };

/** The posts: search, status filter, pages; each to edit or delete; a new post. */
export function PostList(props: { blog: BlogApi; categories: () => AdminBlogCategory[] }) {
  const { announce } = useApp();
  const [filter, setFilter] = createSignal<AdminPostFilter>({ q: '', status: 'all', page: 1 });
  const [q, setQ] = createSignal('');
  const [editing, setEditing] = createSignal<AdminBlogPost | 'new' | null>(null);
  const list = useList(() => props.blog.adminPosts(filter()));
  const remove = createAction(async (post: AdminBlogPost) => {
    await props.blog.deletePost(post.id);
    if (editing() !== 'new' && (editing() as AdminBlogPost | null)?.id === post.id) setEditing(null);
    announce(`“${post.title}” deleted.`);
    list.reload();
  });
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected());
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };
  // Bulk actions on the selected posts of this page, one request each; the list is read again after.
  const bulk = createAction(async (kind: 'publish' | 'draft' | 'delete', posts: AdminBlogPost[]) => {
    const chosen = posts.filter((p) => selected().has(p.id));
    try {
      for (const post of chosen) {
        if (kind === 'delete') await props.blog.deletePost(post.id);
        else if (kind === 'draft') await props.blog.updatePost(post.id, { status: 'draft' });
        else if (post.status !== 'published')
          await props.blog.updatePost(post.id, { status: 'published', publishedAt: null });
      }
      const what = kind === 'delete' ? 'deleted' : kind === 'draft' ? 'moved to drafts' : 'published';
      announce(`${chosen.length} ${chosen.length === 1 ? 'post' : 'posts'} ${what}.`);
      setSelected(new Set<string>());
    } finally {
      list.reload();
    }
  });
  const set = (next: Partial<AdminPostFilter>) => {
    setFilter({ ...filter(), page: 1, ...next });
    setSelected(new Set<string>());
    list.reload();
  };
  const open = (post: AdminBlogPost | 'new') => {
    setEditing(null);
    setEditing(post);
    requestAnimationFrame(() => document.querySelector<HTMLElement>('.blog-editor h3')?.focus());
  };

  return (
    <section id="posts" aria-labelledby="posts-title" tabindex="-1">
      <h2 id="posts-title">Posts</h2>
      <div class="admin-toolbar">
        <SearchForm
          id="blog-admin-q"
          label="Search posts"
          placeholder="Title, excerpt or tag"
          value={q()}
          onInput={setQ}
          maxLength={100}
          onSearch={(e) => {
            e.preventDefault();
            set({ q: q().trim() });
          }}
        />
        <SelectField
          id="blog-admin-status"
          label="Status"
          value={filter().status}
          onValue={(v) => set({ status: v as AdminPostFilter['status'] })}
          options={[
            { value: 'all', label: 'All' },
            { value: 'draft', label: 'Drafts' },
            { value: 'scheduled', label: 'Scheduled' },
            { value: 'published', label: 'Published' },
          ]}
        />
        <button type="button" class="button button-primary" onClick={() => open('new')}>
          New post
        </button>
      </div>
      <FormNotice id="blog-posts-error" error={remove.error() ?? bulk.error()} />
      <Async data={list.data} fallback={<SkeletonBlock height={20} label="Loading posts…" />} retry={list.reload}>
        {(page) => (
          <>
            <Show when={page().items.length} fallback={<p class="empty-state">No posts match.</p>}>
              <fieldset class="bulk-bar">
                <legend class="sr-only">Selected posts</legend>
                <span>{selected().size} selected</span>
                <button
                  type="button"
                  class="button button-small button-secondary"
                  disabled={selected().size === 0 || bulk.busy()}
                  onClick={() => void bulk.run('publish', page().items)}
                >
                  Publish now
                </button>
                <button
                  type="button"
                  class="button button-small button-secondary"
                  disabled={selected().size === 0 || bulk.busy()}
                  onClick={() => void bulk.run('draft', page().items)}
                >
                  Move to drafts
                </button>
                <Show when={selected().size > 0}>
                  <ConfirmButton
                    label="Delete"
                    what="the selected posts"
                    question="The selected posts are deleted for good."
                    busy={bulk.busy()}
                    onConfirm={() => bulk.run('delete', page().items)}
                  />
                </Show>
              </fieldset>
              <table class="admin-table">
                <caption class="sr-only">Blog posts</caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label="Select every post on this page"
                        checked={page().items.length > 0 && page().items.every((p) => selected().has(p.id))}
                        onChange={(e) =>
                          setSelected(new Set(e.currentTarget.checked ? page().items.map((p) => p.id) : []))
                        }
                      />
                    </th>
                    <th scope="col">Title</th>
                    <th scope="col">Status</th>
                    <th scope="col">Publication</th>
                    <th scope="col">Actions</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={page().items}>
                    {(post) => (
                      <tr>
                        <td>
                          <input
                            type="checkbox"
                            aria-label={`Select “${post.title}”`}
                            checked={selected().has(post.id)}
                            onChange={(e) => toggle(post.id, e.currentTarget.checked)}
                          />
                        </td>
                        <th scope="row">
                          {post.title}
                          <Show when={post.featured}>
                            <span class="badge"> Featured</span>
                          </Show>
                        </th>
                        <td>
                          <span class={`status status-${post.status}`}>{STATUS_LABEL[post.status]}</span>
                          <Show when={post.newsletterSentAt}>
                            {(at) => <span class="blog-mailed"> · mailed to subscribers {formatDateTime(at())}</span>}
                          </Show>
                        </td>
                        <td>{post.publishedAt ? formatDateTime(post.publishedAt) : '—'}</td>
                        <td class="actions">
                          <button type="button" class="button button-small button-secondary" onClick={() => open(post)}>
                            Edit<span class="sr-only"> “{post.title}”</span>
                          </button>
                          <Show when={post.status === 'published'}>
                            <a class="button button-small button-ghost" href={blogPostPath(post.slug)}>
                              View<span class="sr-only"> “{post.title}”</span>
                            </a>
                          </Show>
                          <ConfirmButton
                            label="Delete"
                            what={`“${post.title}”`}
                            question="The post is deleted for good."
                            busy={remove.busy()}
                            onConfirm={() => remove.run(post)}
                          />
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </Show>
            <Pager
              label="Pages of posts"
              page={page().page}
              pageSize={page().pageSize}
              total={page().total}
              noun={['post', 'posts']}
              go={(n) => {
                setSelected(new Set<string>());
                setFilter({ ...filter(), page: n });
                list.reload();
              }}
            />
          </>
        )}
      </Async>
      <Show when={editing()} keyed>
        {(post) => (
          <PostEditor
            blog={props.blog}
            post={post === 'new' ? null : post}
            categories={props.categories()}
            onSaved={() => list.reload()}
            onClose={() => setEditing(null)}
          />
        )}
      </Show>
    </section>
  );
}
