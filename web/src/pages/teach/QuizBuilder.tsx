import { createAsync, useParams } from '@solidjs/router';
import { createEffect, createSignal, createUniqueId, For, on, Show } from 'solid-js';
import type { QuizPatch, QuizReviewPolicy, TeachQuestion, TeachQuiz } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { Breadcrumb } from '../../components/Breadcrumb.tsx';
import { Field } from '../../components/Form.tsx';
import { InlineText } from '../../components/learn/InlineText.tsx';
import { ErrorMessage } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { QuestionEditor } from '../../components/teach/QuestionEditor.tsx';
import { useApp } from '../../lib/context.ts';
import { settle } from '../../lib/queries.ts';
import { draftFrom, moved, questionSummary } from '../../lib/quiz-builder.ts';
import { QUESTION_TYPE_LABELS, quizzesApi, REVIEW_POLICY_LABELS } from '../../lib/quizzes-api.ts';
import { createReloadable } from '../../lib/reloadable.ts';
import { createAction } from '../../lib/submit.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/teach.css';
import '../../styles/quizzes.css';

/**
 * The quiz builder: a course's quizzes, each quiz's settings, its questions of every type with
 * their correct answers (add, edit, reorder with buttons, delete), and the instructor's question
 * bank (save a question to it, add questions from it).
 */
export default function QuizBuilderPage() {
  return (
    <RequireAuth>
      <QuizBuilderView />
    </RequireAuth>
  );
}

function QuizBuilderView() {
  const params = useParams<{ courseId: string }>();
  const { api, announce } = useApp();
  const calls = quizzesApi(api);
  const course = createAsync(() => settle(api.teachingCourse(params.courseId)));
  const [quizzes, reload] = createReloadable(() => calls.teachList(params.courseId));
  const [selected, setSelected] = createSignal<string | null>(null);
  const [newTitle, setNewTitle] = createSignal('');
  const create = createAction(async () => {
    if (!newTitle().trim()) return 'Give the quiz a title.';
    const quiz = await calls.create(params.courseId, { title: newTitle().trim() });
    setNewTitle('');
    reload();
    setSelected(quiz.id);
    announce(`Quiz "${quiz.title}" created.`);
  });
  usePageTitle(() => {
    const c = course();
    return c?.ok ? `Quizzes: ${c.value.title}` : 'Quizzes';
  });

  return (
    <div class="container section teach quiz-builder">
      <Breadcrumb links={[{ href: '/teach', label: 'Teaching' }]} current="Quizzes" />
      <Async data={course} fallback={<SkeletonBlock height={3} label="Loading the course…" />}>
        {(c) => (
          <>
            <h1>Quizzes</h1>
            <p class="muted">
              Quizzes of <strong>{c().title}</strong>. Learners see published quizzes only; answers stay on the server
              until they submit.
            </p>
          </>
        )}
      </Async>
      <section aria-labelledby="quiz-list-title">
        <h2 id="quiz-list-title">Your quizzes</h2>
        <Async data={quizzes} fallback={<SkeletonBlock height={6} label="Loading the quizzes…" />} retry={reload}>
          {(list) => (
            <Show when={list().items.length > 0} fallback={<p class="muted">No quizzes yet.</p>}>
              <ul class="builder-questions">
                <For each={list().items}>
                  {(q) => (
                    <li class="builder-question">
                      <span class="builder-question-text">
                        <strong>{q.title}</strong>{' '}
                        <span class="muted small">
                          {q.status === 'published' ? 'Published' : 'Draft'} · {q.questionCount}{' '}
                          {q.questionCount === 1 ? 'question' : 'questions'} · {q.attemptCount}{' '}
                          {q.attemptCount === 1 ? 'attempt' : 'attempts'}
                        </span>
                      </span>
                      <button
                        type="button"
                        class="button button-small button-secondary"
                        aria-pressed={selected() === q.id}
                        onClick={() => setSelected(q.id)}
                      >
                        Edit {q.title}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          )}
        </Async>
        <form
          class="builder-new"
          onSubmit={(e) => {
            e.preventDefault();
            void create.run();
          }}
        >
          <div class="field">
            <label for="new-quiz-title">New quiz title</label>
            <input
              id="new-quiz-title"
              maxLength={200}
              value={newTitle()}
              onInput={(e) => setNewTitle(e.currentTarget.value)}
            />
          </div>
          <ErrorMessage message={create.error()} />
          <button type="submit" class="button button-primary" disabled={create.busy()}>
            {create.busy() ? 'Creating…' : 'Create quiz'}
          </button>
        </form>
      </section>
      <Show when={selected()} keyed>
        {(quizId) => (
          <QuizEditor
            quizId={quizId}
            onChanged={reload}
            onDeleted={() => {
              setSelected(null);
              reload();
            }}
          />
        )}
      </Show>
    </div>
  );
}

function QuizEditor(props: { quizId: string; onChanged: () => void; onDeleted: () => void }) {
  const { api, announce } = useApp();
  const calls = quizzesApi(api);
  const [detail, reloadDetail] = createReloadable(() => calls.teachDetail(props.quizId));
  const reload = () => {
    reloadDetail();
    props.onChanged();
  };
  const [bankVersion, setBankVersion] = createSignal(0);
  return (
    <Async data={detail} fallback={<SkeletonBlock height={12} label="Loading the quiz…" />} retry={reload}>
      {(d) => (
        <>
          <QuizSettings
            quiz={d().quiz}
            onSaved={() => {
              reload();
              announce('Quiz settings saved.');
            }}
            onDeleted={props.onDeleted}
          />
          <Questions
            quiz={d().quiz}
            questions={d().questions}
            onChanged={reload}
            onBanked={() => setBankVersion((n) => n + 1)}
          />
          <Bank quizId={d().quiz.id} version={bankVersion()} onAdded={reload} />
        </>
      )}
    </Async>
  );
}

function QuizSettings(props: { quiz: TeachQuiz; onSaved: () => void; onDeleted: () => void }) {
  const { api } = useApp();
  const calls = quizzesApi(api);
  const id = createUniqueId();
  const q = props.quiz;
  const [title, setTitle] = createSignal(q.title);
  const [description, setDescription] = createSignal(q.description);
  const [passing, setPassing] = createSignal(String(q.passingScore));
  const [minutes, setMinutes] = createSignal(q.timeLimitSeconds ? String(q.timeLimitSeconds / 60) : '');
  const [attempts, setAttempts] = createSignal(q.maxAttempts ? String(q.maxAttempts) : '');
  const [policy, setPolicy] = createSignal<QuizReviewPolicy>(q.reviewPolicy);
  const [shuffleQuestions, setShuffleQuestions] = createSignal(q.shuffleQuestions);
  const [shuffleOptions, setShuffleOptions] = createSignal(q.shuffleOptions);
  const [required, setRequired] = createSignal(q.isRequired);
  const [published, setPublished] = createSignal(q.status === 'published');

  const save = createAction(async () => {
    const pass = Number(passing());
    if (!title().trim()) return 'Give the quiz a title.';
    if (!Number.isInteger(pass) || pass < 0 || pass > 100) return 'The passing score is a whole number from 0 to 100.';
    const limit = minutes().trim() ? Math.round(Number(minutes()) * 60) : null;
    if (limit !== null && (!Number.isFinite(limit) || limit < 30 || limit > 86_400)) {
      return 'The time limit is from half a minute to 24 hours (1440 minutes), or empty for none.';
    }
    const max = attempts().trim() ? Number(attempts()) : null;
    if (max !== null && (!Number.isInteger(max) || max < 1 || max > 100)) {
      return 'Attempts are a whole number from 1 to 100, or empty for no limit.';
    }
    const patch: QuizPatch = {
      title: title().trim(),
      description: description(),
      passingScore: pass,
      timeLimitSeconds: limit,
      maxAttempts: max,
      reviewPolicy: policy(),
      shuffleQuestions: shuffleQuestions(),
      shuffleOptions: shuffleOptions(),
      isRequired: required(),
      status: published() ? 'published' : 'draft',
    };
    await calls.update(q.id, patch);
    props.onSaved();
  });
  const remove = createAction(async () => {
    if (!window.confirm(`Delete the quiz "${q.title}" with its questions and attempts?`)) return;
    await calls.remove(q.id);
    props.onDeleted();
  });

  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Settings: {q.title}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save.run();
        }}
      >
        <Field id={`${id}-name`} label="Title" maxLength={200} value={title()} onValue={setTitle} />
        <div class="field">
          <label for={`${id}-description`}>Description (Markdown)</label>
          <textarea
            id={`${id}-description`}
            rows={3}
            value={description()}
            onInput={(e) => setDescription(e.currentTarget.value)}
          />
        </div>
        <div class="quiz-settings">
          <Field
            id={`${id}-passing`}
            label="Passing score (%)"
            type="number"
            min="0"
            max="100"
            value={passing()}
            onValue={setPassing}
          />
          <Field
            id={`${id}-minutes`}
            label="Time limit in minutes (empty: none)"
            type="number"
            min="0.5"
            max="1440"
            step="0.5"
            value={minutes()}
            onValue={setMinutes}
          />
          <Field
            id={`${id}-attempts`}
            label="Attempts allowed (empty: no limit)"
            type="number"
            min="1"
            max="100"
            value={attempts()}
            onValue={setAttempts}
          />
          <div class="field">
            <label for={`${id}-policy`}>Answers after a submit</label>
            <select id={`${id}-policy`} onChange={(e) => setPolicy(e.currentTarget.value as QuizReviewPolicy)}>
              <For each={Object.keys(REVIEW_POLICY_LABELS) as QuizReviewPolicy[]}>
                {(p) => (
                  <option value={p} selected={policy() === p}>
                    {REVIEW_POLICY_LABELS[p]}
                  </option>
                )}
              </For>
            </select>
          </div>
        </div>
        <label class="quiz-choice">
          <input
            type="checkbox"
            checked={shuffleQuestions()}
            onChange={(e) => setShuffleQuestions(e.currentTarget.checked)}
          />{' '}
          Shuffle the questions for each attempt
        </label>
        <label class="quiz-choice">
          <input
            type="checkbox"
            checked={shuffleOptions()}
            onChange={(e) => setShuffleOptions(e.currentTarget.checked)}
          />{' '}
          Shuffle the options of each question
        </label>
        <label class="quiz-choice">
          <input type="checkbox" checked={required()} onChange={(e) => setRequired(e.currentTarget.checked)} /> Required
          to complete the course
        </label>
        <label class="quiz-choice">
          <input type="checkbox" checked={published()} onChange={(e) => setPublished(e.currentTarget.checked)} />{' '}
          Published (learners can take it)
        </label>
        <ErrorMessage message={save.error() ?? remove.error()} />
        <div class="builder-actions">
          <button type="submit" class="button button-primary" disabled={save.busy()}>
            {save.busy() ? 'Saving…' : 'Save settings'}
          </button>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => void remove.run()}
            disabled={remove.busy()}
          >
            Delete this quiz
          </button>
        </div>
      </form>
    </section>
  );
}

function Questions(props: {
  quiz: TeachQuiz;
  questions: TeachQuestion[];
  onChanged: () => void;
  onBanked: () => void;
}) {
  const { api, announce } = useApp();
  const calls = quizzesApi(api);
  const [editing, setEditing] = createSignal<string | null>(null);
  const [adding, setAdding] = createSignal(false);
  const act = createAction(async (fn: () => Promise<string | undefined>) => {
    const said = await fn();
    props.onChanged();
    if (said) announce(said);
  });
  // After a move the list re-renders: focus goes back to the moved question's button (the other
  // direction's when it reached an end), so keyboard users can keep moving it.
  const [refocus, setRefocus] = createSignal<{ id: string; delta: number } | null>(null);
  createEffect(
    on(
      () => props.questions,
      (list) => {
        const want = refocus();
        if (!want) return;
        const at = list.findIndex((q) => q.id === want.id);
        if (at < 0) return;
        const atEnd = (want.delta < 0 && at === 0) || (want.delta > 0 && at === list.length - 1);
        document.getElementById(`move-${want.id}-${atEnd ? -want.delta : want.delta}`)?.focus();
        setRefocus(null);
      },
    ),
  );
  const move = (index: number, delta: number) =>
    act.run(async () => {
      const id = props.questions[index]!.id;
      const ids = moved(
        props.questions.map((q) => q.id),
        index,
        delta,
      );
      await calls.reorder(props.quiz.id, ids);
      setRefocus({ id, delta });
      return `Question moved to position ${index + delta + 1}.`;
    });
  return (
    <section aria-labelledby="questions-title">
      <h2 id="questions-title">Questions ({props.questions.length})</h2>
      <Show when={props.questions.length > 0} fallback={<p class="muted">No questions yet: add the first below.</p>}>
        <ol class="builder-questions">
          <For each={props.questions}>
            {(q, i) => (
              <li class="builder-question">
                <Show
                  when={editing() === q.id}
                  fallback={
                    <>
                      <span class="builder-question-text">
                        <span class="muted small builder-question-meta">
                          {QUESTION_TYPE_LABELS[q.type]} · {q.points} {q.points === 1 ? 'point' : 'points'}
                        </span>
                        <InlineText text={questionSummary(q.prompt)} />
                      </span>
                      <span class="builder-actions">
                        <button
                          type="button"
                          id={`move-${q.id}--1`}
                          class="button button-small button-secondary"
                          disabled={i() === 0 || act.busy()}
                          onClick={() => move(i(), -1)}
                        >
                          Move question {i() + 1} up
                        </button>
                        <button
                          type="button"
                          id={`move-${q.id}-1`}
                          class="button button-small button-secondary"
                          disabled={i() === props.questions.length - 1 || act.busy()}
                          onClick={() => move(i(), 1)}
                        >
                          Move question {i() + 1} down
                        </button>
                        <button
                          type="button"
                          class="button button-small button-secondary"
                          onClick={() => setEditing(q.id)}
                        >
                          Edit question {i() + 1}
                        </button>
                        <button
                          type="button"
                          class="button button-small button-secondary"
                          disabled={act.busy()}
                          onClick={() =>
                            act.run(async () => {
                              await calls.saveToBank({
                                type: q.type,
                                prompt: q.prompt,
                                options: q.options,
                                points: q.points,
                                explanation: q.explanation,
                                answer: q.answer as never,
                                courseId: props.quiz.courseId,
                              });
                              props.onBanked();
                              return `Question ${i() + 1} saved to your question bank.`;
                            })
                          }
                        >
                          Save question {i() + 1} to the bank
                        </button>
                        <button
                          type="button"
                          class="button button-small button-secondary"
                          disabled={act.busy()}
                          onClick={() =>
                            act.run(async () => {
                              if (!window.confirm(`Delete question ${i() + 1}?`)) return undefined;
                              await calls.removeQuestion(props.quiz.id, q.id);
                              return 'Question deleted.';
                            })
                          }
                        >
                          Delete question {i() + 1}
                        </button>
                      </span>
                    </>
                  }
                >
                  <QuestionEditor
                    heading={`Edit question ${i() + 1}`}
                    saveLabel="Save question"
                    initial={draftFrom(q)}
                    onCancel={() => setEditing(null)}
                    onSave={async (input) => {
                      await calls.updateQuestion(props.quiz.id, q.id, input);
                      setEditing(null);
                      props.onChanged();
                      announce('Question saved.');
                    }}
                  />
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <ErrorMessage message={act.error()} />
      <Show
        when={adding()}
        fallback={
          <button type="button" class="button button-primary" onClick={() => setAdding(true)}>
            Add a question
          </button>
        }
      >
        <QuestionEditor
          heading="New question"
          saveLabel="Add question"
          onCancel={() => setAdding(false)}
          onSave={async (input) => {
            await calls.addQuestion(props.quiz.id, input);
            setAdding(false);
            props.onChanged();
            announce('Question added.');
          }}
        />
      </Show>
    </section>
  );
}

function Bank(props: { quizId: string; version: number; onAdded: () => void }) {
  const { api, announce } = useApp();
  const calls = quizzesApi(api);
  const [bank, reloadBank] = createReloadable(() => {
    props.version;
    return calls.bank();
  });
  const [picked, setPicked] = createSignal<string[]>([]);
  const add = createAction(async () => {
    if (!picked().length) return 'Choose the questions to add.';
    const { items } = await calls.fromBank(props.quizId, picked());
    setPicked([]);
    props.onAdded();
    announce(`${items.length} ${items.length === 1 ? 'question' : 'questions'} added from the bank.`);
  });
  return (
    <section aria-labelledby="bank-title">
      <h2 id="bank-title">Question bank</h2>
      <p class="muted">Your reusable questions, for any of your courses.</p>
      <Async data={bank} fallback={<SkeletonBlock height={4} label="Loading your question bank…" />} retry={reloadBank}>
        {(b) => (
          <Show when={b().items.length > 0} fallback={<p class="muted">Your bank is empty: save a question to it.</p>}>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void add.run();
              }}
            >
              <fieldset>
                <legend>Questions to add to this quiz</legend>
                <For each={b().items}>
                  {(item) => (
                    <label class="quiz-choice">
                      <input
                        type="checkbox"
                        checked={picked().includes(item.id)}
                        onChange={(e) =>
                          setPicked((p) => (e.currentTarget.checked ? [...p, item.id] : p.filter((x) => x !== item.id)))
                        }
                      />{' '}
                      <InlineText text={questionSummary(item.prompt, 90)} />{' '}
                      <span class="muted small">
                        ({QUESTION_TYPE_LABELS[item.type]}
                        {item.tags.length ? `; ${item.tags.join(', ')}` : ''})
                      </span>
                    </label>
                  )}
                </For>
              </fieldset>
              <ErrorMessage message={add.error()} />
              <button type="submit" class="button button-secondary" disabled={add.busy()}>
                {add.busy() ? 'Adding…' : 'Add the chosen questions'}
              </button>
            </form>
          </Show>
        )}
      </Async>
    </section>
  );
}
