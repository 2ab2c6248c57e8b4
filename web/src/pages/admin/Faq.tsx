import { createMemo, createSignal, For, Show } from 'solid-js';
import type {
  AdminContactMessage,
  AdminFaqArticle,
  AdminFaqArticleList,
  ContactTopic,
} from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { ConfirmButton } from '../../components/admin/ConfirmButton.tsx';
import { CheckboxField, FormNotice, SelectField, TextField } from '../../components/admin/Fields.tsx';
import { useList } from '../../components/admin/use-list.ts';
import { createSave } from '../../components/admin/use-save.ts';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { MarkdownField } from '../../components/teach/MarkdownField.tsx';
import { useApp } from '../../lib/context.ts';
import { type FaqCenterApi, faqCenterApi } from '../../lib/faq-api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { createAction } from '../../lib/submit.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/faq.css';

/** /admin/faq: the FAQ center's articles (Markdown with preview, order, publishing) and the contact inbox. */
export default function AdminFaqPage() {
  usePageTitle(() => 'FAQ and messages');
  const { api } = useApp();
  const faq = faqCenterApi(api);
  return (
    <RequireAuth>
      <AdminGate title="FAQ and messages" class="container section admin admin-faq">
        <nav aria-label="On this page">
          <a href="#articles">Articles</a> · <a href="#messages">Contact messages</a>
        </nav>
        <Articles faq={faq} />
        <Messages faq={faq} />
      </AdminGate>
    </RequireAuth>
  );
}

type Draft = { themeId: string; question: string; answer: string; published: boolean };

function Articles(props: { faq: FaqCenterApi }) {
  const { announce } = useApp();
  const list = useList(() => props.faq.articles());
  const [filter, setFilter] = createSignal('');
  const [status, setStatus] = createSignal<'all' | 'published' | 'draft'>('all');
  const [editing, setEditing] = createSignal<string | null>(null);
  const [adding, setAdding] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  const done = (text: string) => {
    setNotice(text);
    announce(text);
    list.reload();
  };
  const {
    run: act,
    busy,
    error,
  } = createAction(async (fn: () => Promise<unknown>, text: string) => {
    await fn();
    done(text);
  });
  const matches = (a: AdminFaqArticle) => {
    const q = filter().trim().toLowerCase();
    if (status() === 'published' && !a.published) return false;
    if (status() === 'draft' && a.published) return false;
    return !q || a.question.toLowerCase().includes(q) || a.answer.toLowerCase().includes(q);
  };
  const move = (data: AdminFaqArticleList, a: AdminFaqArticle, by: -1 | 1) => {
    const ids = data.items.filter((x) => x.themeId === a.themeId).map((x) => x.id);
    const i = ids.indexOf(a.id);
    const j = i + by;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    void act(() => props.faq.reorder(a.themeId, ids), `Moved “${a.question}” ${by < 0 ? 'up' : 'down'}.`);
  };

  return (
    <section id="articles" aria-labelledby="articles-title" tabindex="-1">
      <h2 id="articles-title">Articles</h2>
      <FormNotice id="faq-articles-error" error={error()} success={notice()} />
      <Async data={list.data} fallback={<SkeletonBlock height={20} label="Loading articles…" />} retry={list.reload}>
        {(data) => (
          <>
            <div class="field-row">
              <TextField
                id="faq-filter"
                type="search"
                label="Find an article"
                value={filter()}
                onValue={setFilter}
                maxLength={100}
              />
              <SelectField
                id="faq-status"
                label="Show"
                value={status()}
                onValue={(v) => setStatus(v as 'all' | 'published' | 'draft')}
                options={[
                  { value: 'all', label: 'All articles' },
                  { value: 'published', label: 'Published' },
                  { value: 'draft', label: 'Drafts' },
                ]}
              />
            </div>
            <Show
              when={adding()}
              fallback={
                <button type="button" class="button button-primary" onClick={() => setAdding(true)}>
                  New article
                </button>
              }
            >
              <ArticleForm
                id="faq-new"
                title="New article"
                themes={data().themes}
                initial={{ themeId: data().themes[0]?.id ?? '', question: '', answer: '', published: false }}
                save={(d) => props.faq.createArticle(d)}
                onSaved={() => {
                  setAdding(false);
                  done('Article added.');
                }}
                onCancel={() => setAdding(false)}
              />
            </Show>
            <For each={data().themes}>
              {(theme) => {
                const items = createMemo(() => data().items.filter((a) => a.themeId === theme.id));
                const shown = createMemo(() => items().filter(matches));
                return (
                  <section class="faq-admin-theme" aria-labelledby={`admin-theme-${theme.slug}`}>
                    <h3 id={`admin-theme-${theme.slug}`}>
                      {theme.title} <span class="small muted">({items().length})</span>
                    </h3>
                    <Show when={shown().length} fallback={<p class="muted">No articles match.</p>}>
                      <For each={shown()}>
                        {(a) => (
                          <Show
                            when={editing() !== a.id}
                            fallback={
                              <ArticleForm
                                id={`faq-edit-${a.id}`}
                                title={`Edit “${a.question}”`}
                                themes={data().themes}
                                initial={a}
                                save={(d) => props.faq.updateArticle(a.id, d)}
                                onSaved={() => {
                                  setEditing(null);
                                  done('Article saved.');
                                }}
                                onCancel={() => setEditing(null)}
                              />
                            }
                          >
                            <article class="faq-admin-article" aria-labelledby={`q-${a.id}`}>
                              <div class="faq-admin-head">
                                <h4 id={`q-${a.id}`}>{a.question}</h4>
                                <span class={`status-pill ${a.published ? 'status-published' : 'status-draft'}`}>
                                  {a.published ? 'Published' : 'Draft'}
                                </span>
                              </div>
                              <p class="small muted">
                                Helpful: {a.helpful} · Not helpful: {a.notHelpful} · Updated{' '}
                                {formatDateTime(a.updatedAt)}
                              </p>
                              <div class="faq-admin-actions">
                                <button
                                  type="button"
                                  class="button button-small button-secondary"
                                  onClick={() => setEditing(a.id)}
                                >
                                  Edit<span class="sr-only"> “{a.question}”</span>
                                </button>
                                <button
                                  type="button"
                                  class="button button-small button-secondary"
                                  disabled={busy()}
                                  onClick={() =>
                                    act(
                                      () => props.faq.updateArticle(a.id, { published: !a.published }),
                                      `${a.published ? 'Unpublished' : 'Published'} “${a.question}”.`,
                                    )
                                  }
                                >
                                  {a.published ? 'Unpublish' : 'Publish'}
                                  <span class="sr-only"> “{a.question}”</span>
                                </button>
                                <button
                                  type="button"
                                  class="button button-small button-ghost"
                                  disabled={busy() || items()[0]?.id === a.id}
                                  onClick={() => move(data(), a, -1)}
                                >
                                  Move up<span class="sr-only"> “{a.question}”</span>
                                </button>
                                <button
                                  type="button"
                                  class="button button-small button-ghost"
                                  disabled={busy() || items()[items().length - 1]?.id === a.id}
                                  onClick={() => move(data(), a, 1)}
                                >
                                  Move down<span class="sr-only"> “{a.question}”</span>
                                </button>
                                <ConfirmButton
                                  label="Delete"
                                  what={`“${a.question}”`}
                                  busy={busy()}
                                  question="The article and its votes are deleted for good."
                                  onConfirm={() => act(() => props.faq.deleteArticle(a.id), 'Article deleted.')}
                                />
                              </div>
                            </article>
                          </Show>
                        )}
                      </For>
                    </Show>
                  </section>
                );
              }}
            </For>
          </>
        )}
      </Async>
    </section>
  );
}

function ArticleForm(props: {
  id: string;
  title: string;
  themes: { id: string; title: string }[];
  initial: Draft;
  save: (d: Draft) => Promise<unknown>;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const [themeId, setThemeId] = createSignal(props.initial.themeId);
  const [question, setQuestion] = createSignal(props.initial.question);
  const [answer, setAnswer] = createSignal(props.initial.answer);
  const [published, setPublished] = createSignal(props.initial.published);
  const { submit, busy, error, errors } = createSave(async () => {
    await props.save({ themeId: themeId(), question: question(), answer: answer(), published: published() });
    props.onSaved();
    return undefined;
  });
  return (
    <form class="admin-form faq-admin-form" onSubmit={submit} aria-labelledby={`${props.id}-title`}>
      <h4 id={`${props.id}-title`}>{props.title}</h4>
      <FormNotice id={`${props.id}-error`} error={error()} />
      <SelectField
        id={`${props.id}-theme`}
        label="Theme"
        value={themeId()}
        onValue={setThemeId}
        options={props.themes.map((t) => ({ value: t.id, label: t.title }))}
        error={errors().themeId}
      />
      <TextField
        id={`${props.id}-question`}
        label="Question"
        value={question()}
        onValue={setQuestion}
        maxLength={300}
        required
        error={errors().question}
      />
      <MarkdownField
        id={`${props.id}-answer`}
        label="Answer"
        value={answer()}
        onValue={setAnswer}
        maxLength={10_000}
        hint="What a learner needs to know, with links to the pages that help."
        error={errors().answer}
      />
      <CheckboxField id={`${props.id}-published`} label="Published" checked={published()} onChecked={setPublished} />
      <div class="faq-admin-actions">
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Saving…' : 'Save article'}
        </button>
        <button type="button" class="button button-ghost" onClick={() => props.onCancel()}>
          Cancel
        </button>
      </div>
    </form>
  );
}

const TOPIC_LABELS: Record<ContactTopic, string> = {
  courses: 'Courses',
  payments: 'Payments',
  accounts: 'Accounts',
  companies: 'Companies',
  certificates: 'Certificates',
  other: 'Other',
};
const PAGE_SIZE = 20;

function Messages(props: { faq: FaqCenterApi }) {
  const { announce } = useApp();
  const [query, setQuery] = createSignal<{ status: 'open' | 'handled' | 'all'; page: number }>({
    status: 'open',
    page: 1,
  });
  const list = useList(() => props.faq.messages(query().status, query().page, PAGE_SIZE));
  const [notice, setNotice] = createSignal<string | null>(null);
  const { run: handle, error } = createAction(async (m: AdminContactMessage) => {
    setNotice(null);
    await props.faq.markHandled(m.id);
    const text = `Marked the message from ${m.name} handled.`;
    setNotice(text);
    announce(text);
    list.reload();
  });
  return (
    <section id="messages" aria-labelledby="messages-title" tabindex="-1">
      <h2 id="messages-title">Contact messages</h2>
      <FormNotice id="faq-messages-error" error={error()} success={notice()} />
      <SelectField
        id="messages-status"
        label="Show"
        value={query().status}
        onValue={(v) => setQuery({ status: v as 'open' | 'handled' | 'all', page: 1 })}
        options={[
          { value: 'open', label: 'Open messages' },
          { value: 'handled', label: 'Handled messages' },
          { value: 'all', label: 'All messages' },
        ]}
      />
      <Async data={list.data} fallback={<SkeletonBlock height={12} label="Loading messages…" />} retry={list.reload}>
        {(page) => (
          <Show when={page().items.length} fallback={<p class="empty-state">No messages here.</p>}>
            <ul class="plain-list">
              <For each={page().items}>
                {(m) => (
                  <li class="faq-message">
                    <p>
                      <strong>{m.name}</strong> &lt;<a href={`mailto:${m.email}`}>{m.email}</a>&gt; ·{' '}
                      {TOPIC_LABELS[m.topic]} · {formatDateTime(m.createdAt)}
                    </p>
                    <p class="faq-message-body">{m.message}</p>
                    <Show
                      when={!m.handledAt}
                      fallback={<p class="small muted">Handled {formatDateTime(m.handledAt!)}</p>}
                    >
                      <button type="button" class="button button-small button-secondary" onClick={() => handle(m)}>
                        Mark handled<span class="sr-only"> (message from {m.name})</span>
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
            <nav class="pager" aria-label="Message pages">
              <button
                type="button"
                class="button button-small button-secondary"
                disabled={page().page <= 1}
                onClick={() => setQuery({ ...query(), page: page().page - 1 })}
              >
                Previous page
              </button>
              <span>
                Page {page().page} of {Math.max(1, Math.ceil(page().total / page().pageSize))} ({page().total}{' '}
                {page().total === 1 ? 'message' : 'messages'})
              </span>
              <button
                type="button"
                class="button button-small button-secondary"
                disabled={page().page * page().pageSize >= page().total}
                onClick={() => setQuery({ ...query(), page: page().page + 1 })}
              >
                Next page
              </button>
            </nav>
          </Show>
        )}
      </Async>
    </section>
  );
}
