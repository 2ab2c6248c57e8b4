import { createSignal, For, Show } from 'solid-js';
import type { AdminBlogCategory } from '../../../../../edge/contract/blog.ts';
import { type BlogApi, slugify } from '../../../lib/blog-api.ts';
import { useApp } from '../../../lib/context.ts';
import { createAction } from '../../../lib/submit.ts';
import { ConfirmButton } from '../ConfirmButton.tsx';
import { FormNotice, TextField } from '../Fields.tsx';
import { createSave } from '../use-save.ts';

/** The blog's categories: add, rename, delete (their posts keep going without one). */
export function Categories(props: { blog: BlogApi; items: AdminBlogCategory[]; onChanged: () => void }) {
  const { announce } = useApp();
  const [name, setName] = createSignal('');
  const [description, setDescription] = createSignal('');
  const add = createSave(async () => {
    const created = await props.blog.createCategory({
      slug: slugify(name()),
      name: name().trim(),
      description: description().trim(),
      position: props.items.length + 1,
    });
    setName('');
    setDescription('');
    props.onChanged();
    return `Category “${created.name}” added.`;
  });
  const remove = createAction(async (c: AdminBlogCategory) => {
    await props.blog.deleteCategory(c.id);
    announce(`Category “${c.name}” deleted.`);
    props.onChanged();
  });
  const rename = createAction(async (c: AdminBlogCategory, next: string) => {
    if (!next.trim() || next.trim() === c.name) return;
    await props.blog.updateCategory(c.id, { name: next.trim() });
    announce(`Category renamed to “${next.trim()}”.`);
    props.onChanged();
  });
  return (
    <section id="categories" aria-labelledby="categories-title" tabindex="-1">
      <h2 id="categories-title">Categories</h2>
      <FormNotice id="blog-categories-error" error={remove.error() ?? rename.error()} />
      <Show when={props.items.length} fallback={<p class="empty-state">No categories yet.</p>}>
        <ul class="admin-list blog-category-list">
          <For each={props.items}>
            {(c) => {
              const [text, setText] = createSignal(c.name);
              return (
                <li>
                  <form
                    class="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void rename.run(c, text());
                    }}
                  >
                    <label for={`blog-cat-${c.id}`} class="sr-only">
                      Name of the category {c.name}
                    </label>
                    <input
                      id={`blog-cat-${c.id}`}
                      value={text()}
                      maxLength={80}
                      onInput={(e) => setText(e.currentTarget.value)}
                    />
                    <button type="submit" class="button button-small button-secondary" disabled={rename.busy()}>
                      Rename<span class="sr-only"> {c.name}</span>
                    </button>
                  </form>
                  <span class="muted small">
                    /{c.slug} · {c.posts} {c.posts === 1 ? 'post' : 'posts'}
                  </span>
                  <ConfirmButton
                    label="Delete"
                    what={`the category ${c.name}`}
                    question="Its posts stay, without a category."
                    busy={remove.busy()}
                    onConfirm={() => remove.run(c)}
                  />
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <form class="admin-form" onSubmit={add.submit} aria-labelledby="new-category-title">
        <h3 id="new-category-title">Add a category</h3>
        <FormNotice id="blog-category-notice" error={add.error()} success={add.notice()} />
        <TextField
          id="blog-category-name"
          label="Name"
          value={name()}
          maxLength={80}
          required
          error={add.errors().name ?? add.errors().slug}
          onValue={setName}
        />
        <TextField
          id="blog-category-description"
          label="Description"
          value={description()}
          maxLength={300}
          error={add.errors().description}
          onValue={setDescription}
        />
        <button type="submit" class="button button-primary" disabled={add.busy()}>
          Add the category
        </button>
      </form>
    </section>
  );
}
