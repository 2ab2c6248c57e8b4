import { createMemo, createSignal, createUniqueId, For, Show } from 'solid-js';
import type { AdminBlogCategory, AdminBlogPost } from '../../../../../edge/contract/blog.ts';
import { type BlogApi, fromLocalInput, parseTags, slugify, toLocalInput } from '../../../lib/blog-api.ts';
import { useApp } from '../../../lib/context.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { coverSources } from '../../../lib/thumbnail-srcset.ts';
import { Markdown } from '../../Markdown.tsx';
import { CheckboxField, FormNotice, SelectField, TextAreaField, TextField } from '../Fields.tsx';
import { createSave } from '../use-save.ts';
import { CoverUpload } from './CoverUpload.tsx';

type Publish = 'draft' | 'now' | 'schedule';

/** Reading time as the database computes it (edge/blog/reading-time.ts): 200 words a minute, at least 1. */
const minutes = (text: string) => Math.max(1, Math.ceil((text.trim() ? text.trim().split(/\s+/).length : 0) / 200));

/**
 * Writes or edits a post: title and slug, excerpt, category and tags, the Markdown body beside its
 * live preview (the app's sanitising renderer), the cover picture, featured, and draft / publish
 * now / schedule for a date and time.
 */
export function PostEditor(props: {
  blog: BlogApi;
  post: AdminBlogPost | null;
  categories: AdminBlogCategory[];
  onSaved: (post: AdminBlogPost) => void;
  onClose: () => void;
}) {
  const { config } = useApp();
  const id = createUniqueId();
  const p = props.post;
  // The post as saved last: a new post, once saved, is edited from then on.
  const [current, setCurrent] = createSignal(props.post);
  const [title, setTitle] = createSignal(p?.title ?? '');
  const [slug, setSlug] = createSignal(p?.slug ?? '');
  const [slugEdited, setSlugEdited] = createSignal(!!p);
  const [excerpt, setExcerpt] = createSignal(p?.excerpt ?? '');
  const [body, setBody] = createSignal(p?.bodyMd ?? '');
  const [categoryId, setCategoryId] = createSignal(p?.categoryId ?? '');
  const [tags, setTags] = createSignal((p?.tags ?? []).join(', '));
  const [featured, setFeatured] = createSignal(p?.featured ?? false);
  const [coverPath, setCoverPath] = createSignal<string | null>(p?.coverPath ?? null);
  const [coverWidths, setCoverWidths] = createSignal<number[]>(p?.coverWidths ?? []);
  const [coverAlt, setCoverAlt] = createSignal(p?.coverAlt ?? '');
  const [publish, setPublish] = createSignal<Publish>(
    !p || p.status === 'draft' ? 'draft' : p.status === 'scheduled' ? 'schedule' : 'now',
  );
  const [when, setWhen] = createSignal(toLocalInput(p?.status === 'scheduled' ? p.publishedAt : null));
  const [whenError, setWhenError] = createSignal<string | null>(null);

  const cover = createMemo(() => {
    const path = coverPath();
    const base = config.supabaseUrl.replace(/\/+$/, '');
    return path ? coverSources(`${base}/storage/v1/object/public/avatars/${path}`, coverWidths()) : null;
  });

  const save = createSave(async () => {
    setWhenError(null);
    const at = publish() === 'schedule' ? fromLocalInput(when()) : null;
    if (publish() === 'schedule' && (!at || new Date(at).getTime() <= Date.now())) {
      setWhenError('Choose a date and time in the future.');
      throw new Error('Choose a date and time in the future to schedule the post.');
    }
    const c = current();
    const fields = {
      slug: slug().trim(),
      title: title().trim(),
      excerpt: excerpt().trim(),
      bodyMd: body(),
      coverPath: coverPath(),
      coverWidths: coverWidths(),
      coverAlt: coverAlt().trim(),
      categoryId: categoryId() || null,
      tags: parseTags(tags()),
      featured: featured(),
      status: publish() === 'draft' ? ('draft' as const) : ('published' as const),
      // Publishing now keeps the date of a post published before; a draft keeps none.
      publishedAt:
        publish() === 'schedule' ? at : publish() === 'now' && c?.status === 'published' ? c.publishedAt : null,
    };
    const saved = c ? await props.blog.updatePost(c.id, fields) : await props.blog.createPost(fields);
    setCurrent(saved);
    props.onSaved(saved);
    return saved.status === 'draft'
      ? `Draft “${saved.title}” saved.`
      : saved.status === 'scheduled'
        ? `“${saved.title}” is scheduled.`
        : `“${saved.title}” is published.`;
  });
  const err = (field: string) => save.errors()[field];

  return (
    <form class="admin-form blog-editor" onSubmit={save.submit} aria-labelledby={`${id}-title`} novalidate>
      <h3 id={`${id}-title`} tabindex="-1">
        {current() ? `Edit “${current()!.title}”` : 'New post'}
      </h3>
      <FormNotice id={`${id}-notice`} error={save.error()} success={save.notice()} />
      <TextField
        id={`${id}-post-title`}
        label="Title"
        value={title()}
        maxLength={160}
        required
        error={err('title')}
        onValue={(v) => {
          setTitle(v);
          if (!slugEdited()) setSlug(slugify(v));
        }}
      />
      <TextField
        id={`${id}-slug`}
        label="Address (slug)"
        hint={`The post's address: /blog/${slug() || 'your-slug'}. Lower-case words joined by dashes.`}
        value={slug()}
        maxLength={100}
        required
        error={err('slug')}
        onValue={(v) => {
          setSlug(v);
          setSlugEdited(true);
        }}
      />
      <TextAreaField
        id={`${id}-excerpt`}
        label="Excerpt"
        hint="One or two sentences shown in lists, link previews and the feed."
        value={excerpt()}
        maxLength={400}
        error={err('excerpt')}
        onValue={setExcerpt}
      />
      <div class="blog-editor-row">
        <SelectField
          id={`${id}-category`}
          label="Category"
          value={categoryId()}
          options={[
            { value: '', label: 'No category' },
            ...props.categories.map((c) => ({ value: c.id, label: c.name })),
          ]}
          error={err('categoryId')}
          onValue={setCategoryId}
        />
        <TextField
          id={`${id}-tags`}
          label="Tags"
          hint="Separated by commas, e.g. study-habits, sql (at most 10)."
          value={tags()}
          error={err('tags')}
          onValue={setTags}
        />
      </div>
      <div class="blog-editor-body">
        <div class="field">
          <label for={`${id}-body`}>Post (Markdown)</label>
          <textarea
            id={`${id}-body`}
            rows={18}
            maxLength={100000}
            value={body()}
            aria-invalid={err('bodyMd') ? 'true' : undefined}
            aria-describedby={`${id}-body-hint${err('bodyMd') ? ` ${id}-body-error` : ''}`}
            onInput={(e) => setBody(e.currentTarget.value)}
          />
          <p class="field-hint small muted" id={`${id}-body-hint`}>
            Headings, lists, links, code and tables. About {minutes(body())} min read.
          </p>
          <Show when={err('bodyMd')}>
            <p class="field-error" id={`${id}-body-error`}>
              {err('bodyMd')}
            </p>
          </Show>
        </div>
        <section class="blog-preview" aria-labelledby={`${id}-preview-title`}>
          <h4 id={`${id}-preview-title`}>Preview</h4>
          <div class="markdown-preview prose">
            <Show when={body().trim()} fallback={<p class="muted">Nothing to preview yet.</p>}>
              <Markdown source={body()} headingLevel={5} />
            </Show>
          </div>
        </section>
      </div>
      <fieldset class="blog-cover-field">
        <legend>Cover picture</legend>
        <Show when={cover()}>
          {(c) => (
            <div class="blog-cover-current">
              <img
                src={c().src}
                srcset={c().srcset}
                sizes="20rem"
                alt={coverAlt() || 'The current cover'}
                width="320"
                height="180"
              />
              <button
                type="button"
                class="button button-small button-secondary"
                onClick={() => {
                  setCoverPath(null);
                  setCoverWidths([]);
                }}
              >
                Remove the cover
              </button>
            </div>
          )}
        </Show>
        <CoverUpload
          onUploaded={(path, widths) => {
            setCoverPath(path);
            setCoverWidths(widths);
          }}
        />
        <TextField
          id={`${id}-cover-alt`}
          label="Cover description (alt text)"
          hint="What the picture shows, for people who cannot see it. Leave empty for a decorative picture."
          value={coverAlt()}
          maxLength={200}
          error={err('coverAlt')}
          onValue={setCoverAlt}
        />
      </fieldset>
      <CheckboxField
        id={`${id}-featured`}
        label="Featured (shown at the top of the blog)"
        checked={featured()}
        onChecked={setFeatured}
      />
      <fieldset class="blog-publish">
        <legend>Publishing</legend>
        <For
          each={
            [
              ['draft', 'Draft: only admins see it'],
              ['now', current()?.status === 'published' ? 'Published' : 'Publish now'],
              ['schedule', 'Schedule for a date and time'],
            ] as [Publish, string][]
          }
        >
          {([value, label]) => (
            <div class="choice">
              <input
                type="radio"
                id={`${id}-publish-${value}`}
                name={`${id}-publish`}
                value={value}
                checked={publish() === value}
                onChange={() => setPublish(value)}
              />
              <label for={`${id}-publish-${value}`}>{label}</label>
            </div>
          )}
        </For>
        <Show when={publish() === 'schedule'}>
          <div class="field">
            <label for={`${id}-when`}>Publish on (your local time)</label>
            <input
              id={`${id}-when`}
              type="datetime-local"
              value={when()}
              aria-invalid={whenError() || err('publishedAt') ? 'true' : undefined}
              aria-describedby={whenError() || err('publishedAt') ? `${id}-when-error` : undefined}
              onInput={(e) => setWhen(e.currentTarget.value)}
            />
            <Show when={whenError() || err('publishedAt')}>
              <p class="field-error" id={`${id}-when-error`}>
                {whenError() || err('publishedAt')}
              </p>
            </Show>
          </div>
        </Show>
        <p class="field-hint small muted">
          <Show
            when={current()?.newsletterSentAt}
            fallback="When it is published (or its scheduled time comes), the post is mailed once to the newsletter's confirmed subscribers."
          >
            {(at) => <>Mailed to the newsletter's subscribers on {formatDateTime(at())}.</>}
          </Show>
        </p>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button button-primary" disabled={save.busy()}>
          {save.busy()
            ? 'Saving…'
            : publish() === 'draft'
              ? 'Save draft'
              : publish() === 'now'
                ? 'Save and publish'
                : 'Save and schedule'}
        </button>
        <button type="button" class="button button-secondary" onClick={() => props.onClose()}>
          Close the editor
        </button>
      </div>
    </form>
  );
}
