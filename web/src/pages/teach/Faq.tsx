import { A, createAsync, useParams } from '@solidjs/router';
import { createResource, createSignal, createUniqueId, For, type JSX, Match, Show, Switch } from 'solid-js';
import type { FaqEntry } from '../../../../edge/api-types.ts';
import { Markdown } from '../../components/Markdown.tsx';
import { ErrorMessage, ErrorNotice, Loading } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { useApp } from '../../lib/context.ts';
import { settle } from '../../lib/queries.ts';
import { faqApi } from '../../lib/reviews-api.ts';
import { createAction } from '../../lib/submit.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/teach.css';
import '../../styles/reviews.css';

export default function TeachFaqPage() {
  return (
    <RequireAuth>
      <FaqEditor />
    </RequireAuth>
  );
}

/** Moves item `from` to `to` (both in range) and returns the new order. */
function moved<T>(items: T[], from: number, to: number): T[] {
  const out = [...items];
  const [item] = out.splice(from, 1);
  out.splice(to, 0, item!);
  return out;
}

/** The course FAQ editor: add, edit, reorder (buttons, or Alt+Arrow keys on a question) and delete. */
function FaqEditor() {
  const params = useParams<{ courseId: string }>();
  const { api, announce } = useApp();
  const calls = faqApi(api);
  const course = createAsync(() => settle(api.teachingCourse(params.courseId)));
  const [faq, { refetch, mutate }] = createResource(
    () => params.courseId,
    (id) => calls.managed(id),
  );
  const title = () => {
    const c = course();
    return c?.ok ? c.value.title : null;
  };
  usePageTitle(() => (title() ? `FAQ: ${title()}` : 'Course FAQ'));
  const items = () => faq.latest?.items ?? [];
  const setItems = (list: FaqEntry[]) => mutate({ items: list });

  const move = createAction(async (from: number, to: number, focus: string) => {
    const list = items();
    if (to < 0 || to >= list.length) return;
    const next = moved(list, from, to);
    setItems(next); // shown at once; the server's order replaces it
    try {
      const saved = await calls.reorder(
        params.courseId,
        next.map((f) => f.id),
      );
      setItems(saved.items);
    } catch (err) {
      setItems(list);
      throw err;
    }
    announce(`Moved to position ${to + 1} of ${list.length}.`);
    requestAnimationFrame(() => document.getElementById(focus)?.focus());
  });

  return (
    <div class="container section teach">
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <ol>
          <li>
            <A href="/teach">Teaching</A>
          </li>
          <li aria-current="page">Course FAQ</li>
        </ol>
      </nav>
      <h1>Course FAQ</h1>
      <Show when={title()}>
        {(t) => (
          <p class="muted">
            Questions and answers for <strong>{t()}</strong>, shown on the course page and in the player. Answers are
            written in Markdown.
          </p>
        )}
      </Show>
      <Switch>
        <Match when={faq.error}>
          <ErrorNotice error={faq.error} retry={refetch} />
        </Match>
        <Match when={!faq.latest}>
          <Loading label="Loading the questions…" />
        </Match>
        <Match when={faq.latest}>
          <section aria-labelledby="faq-list-title">
            <h2 id="faq-list-title">Questions ({items().length})</h2>
            <Show when={items().length > 0} fallback={<p>No questions yet: add the first one below.</p>}>
              <p class="small muted">
                Reorder with Move up and Move down, or press Alt+Arrow Up or Alt+Arrow Down inside a question.
              </p>
              <ol class="faq-editor-list">
                <For each={items()}>
                  {(item, i) => (
                    <FaqItemEditor
                      item={item}
                      index={i()}
                      count={items().length}
                      onMove={(to, focus) => move.run(i(), to, focus)}
                      onSaved={(saved) => setItems(items().map((f) => (f.id === saved.id ? saved : f)))}
                      onDeleted={() => {
                        setItems(items().filter((f) => f.id !== item.id));
                        announce('Question deleted.');
                        requestAnimationFrame(() => document.getElementById('faq-new-question')?.focus());
                      }}
                    />
                  )}
                </For>
              </ol>
              <ErrorMessage message={move.error()} />
            </Show>
          </section>
          <AddQuestion courseId={params.courseId} onAdded={(f) => setItems([...items(), f])} />
        </Match>
      </Switch>
    </div>
  );
}

function FaqItemEditor(props: {
  item: FaqEntry;
  index: number;
  count: number;
  onMove: (to: number, focusId: string) => void;
  onSaved: (f: FaqEntry) => void;
  onDeleted: () => void;
}) {
  const { api, announce } = useApp();
  const calls = faqApi(api);
  const [editing, setEditing] = createSignal(false);
  const [question, setQuestion] = createSignal(props.item.question);
  const [answer, setAnswer] = createSignal(props.item.answer);
  const idBase = `faq-${props.item.id}`;
  const save = createAction(async () => {
    const { item } = await calls.update(props.item.id, { question: question(), answer: answer() });
    props.onSaved(item);
    setEditing(false);
    announce('Question saved.');
    requestAnimationFrame(() => document.getElementById(`${idBase}-edit`)?.focus());
  });
  const remove = createAction(async () => {
    await calls.remove(props.item.id);
    props.onDeleted();
  });
  const onKeyDown: JSX.EventHandler<HTMLLIElement, KeyboardEvent> = (e) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    if ((e.target as HTMLElement).matches('input, textarea')) return;
    e.preventDefault();
    const to = props.index + (e.key === 'ArrowUp' ? -1 : 1);
    props.onMove(to, (e.target as HTMLElement).id || `${idBase}-edit`);
  };
  return (
    <li class="faq-editor-item" onKeyDown={onKeyDown} aria-labelledby={`${idBase}-q`}>
      <Show
        when={editing()}
        fallback={
          <>
            <h3 id={`${idBase}-q`}>{props.item.question}</h3>
            <Markdown source={props.item.answer} headingLevel={4} />
          </>
        }
      >
        <form
          class="faq-editor-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save.run();
          }}
        >
          <h3 id={`${idBase}-q`}>Edit question {props.index + 1}</h3>
          <div class="field">
            <label for={`${idBase}-question`}>Question</label>
            <input
              id={`${idBase}-question`}
              maxLength={500}
              required
              value={question()}
              onInput={(e) => setQuestion(e.currentTarget.value)}
            />
          </div>
          <div class="field">
            <label for={`${idBase}-answer`}>Answer (Markdown)</label>
            <textarea
              id={`${idBase}-answer`}
              rows={5}
              maxLength={5000}
              required
              value={answer()}
              onInput={(e) => setAnswer(e.currentTarget.value)}
            />
          </div>
          <div class="faq-editor-actions">
            <button type="submit" class="button button-primary button-small" disabled={save.busy()}>
              {save.busy() ? 'Saving…' : 'Save'}
            </button>
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={() => {
                setQuestion(props.item.question);
                setAnswer(props.item.answer);
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
          <ErrorMessage message={save.error()} />
        </form>
      </Show>
      <Show when={!editing()}>
        <div class="faq-editor-actions">
          <button
            type="button"
            id={`${idBase}-edit`}
            class="button button-secondary button-small"
            onClick={() => {
              setEditing(true);
              requestAnimationFrame(() => document.getElementById(`${idBase}-question`)?.focus());
            }}
          >
            Edit<span class="sr-only"> “{props.item.question}”</span>
          </button>
          <button
            type="button"
            id={`${idBase}-up`}
            class="button button-secondary button-small"
            disabled={props.index === 0}
            onClick={() => props.onMove(props.index - 1, `${idBase}-up`)}
          >
            Move up<span class="sr-only"> “{props.item.question}”</span>
          </button>
          <button
            type="button"
            id={`${idBase}-down`}
            class="button button-secondary button-small"
            disabled={props.index === props.count - 1}
            onClick={() => props.onMove(props.index + 1, `${idBase}-down`)}
          >
            Move down<span class="sr-only"> “{props.item.question}”</span>
          </button>
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={remove.busy()}
            onClick={() => {
              if (window.confirm(`Delete the question “${props.item.question}”?`)) void remove.run();
            }}
          >
            Delete<span class="sr-only"> “{props.item.question}”</span>
          </button>
        </div>
        <ErrorMessage message={remove.error()} />
      </Show>
    </li>
  );
}

function AddQuestion(props: { courseId: string; onAdded: (f: FaqEntry) => void }) {
  const { api, announce } = useApp();
  const id = createUniqueId();
  const [question, setQuestion] = createSignal('');
  const [answer, setAnswer] = createSignal('');
  const add = createAction(async () => {
    if (!question().trim() || !answer().trim()) return 'Write both the question and its answer.';
    const { item } = await faqApi(api).add(props.courseId, { question: question(), answer: answer() });
    props.onAdded(item);
    setQuestion('');
    setAnswer('');
    announce('Question added.');
    document.getElementById('faq-new-question')?.focus();
  });
  return (
    <section aria-labelledby={`add-${id}`}>
      <h2 id={`add-${id}`}>Add a question</h2>
      <form
        class="faq-editor-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add.run();
        }}
      >
        <div class="field">
          <label for="faq-new-question">Question</label>
          <input
            id="faq-new-question"
            maxLength={500}
            value={question()}
            onInput={(e) => setQuestion(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for={`answer-${id}`}>Answer (Markdown)</label>
          <textarea
            id={`answer-${id}`}
            rows={5}
            maxLength={5000}
            value={answer()}
            onInput={(e) => setAnswer(e.currentTarget.value)}
          />
        </div>
        <button type="submit" class="button button-primary" disabled={add.busy()}>
          {add.busy() ? 'Adding…' : 'Add question'}
        </button>
        <ErrorMessage message={add.error()} />
      </form>
    </section>
  );
}
