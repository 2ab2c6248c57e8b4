import { A, useParams } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import type { AttemptReview, QuizDetail, StartedAttempt, SubmitAttemptResult } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { Breadcrumb } from '../../components/Breadcrumb.tsx';
import { QuizQuestionField } from '../../components/learn/QuizQuestionField.tsx';
import { QuizTimer } from '../../components/learn/QuizTimer.tsx';
import { Markdown } from '../../components/Markdown.tsx';
import { ErrorMessage } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { errorMessage, isApiError } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import {
  answeredCount,
  answersToSend,
  answerText,
  clockOffset,
  type DraftAnswer,
  limitText,
  quizzesApi,
  REVIEW_POLICY_LABELS,
  scoreText,
} from '../../lib/quizzes-api.ts';
import { createReloadable } from '../../lib/reloadable.ts';
import { createAction } from '../../lib/submit.ts';
import { PageTitle } from '../../lib/title.ts';
import '../../styles/quizzes.css';

/**
 * One quiz for its learner: the intro (limits, my attempts), an attempt (one fieldset per
 * question, a countdown from the server's deadline), the score, and the review when the quiz
 * allows it. The server shuffles, times and grades; this page only collects answers.
 */
export default function QuizPage() {
  return (
    <RequireAuth>
      <QuizView />
    </RequireAuth>
  );
}

type Stage =
  | { kind: 'intro' }
  | { kind: 'taking'; attempt: StartedAttempt }
  | { kind: 'result'; result: SubmitAttemptResult }
  | { kind: 'expired' }
  | { kind: 'review'; review: AttemptReview };

/** Moves focus to a view's heading when it appears, so keyboard and screen reader users follow along. */
function focusOnMount(el: HTMLElement) {
  queueMicrotask(() => el.focus());
}

function QuizView() {
  const params = useParams<{ slug: string; quizId: string }>();
  const { api } = useApp();
  const calls = quizzesApi(api);
  const [detail, reload] = createReloadable(() => calls.detail(params.quizId));
  const [stage, setStage] = createSignal<Stage>({ kind: 'intro' });

  const start = createAction(async () => {
    setStage({ kind: 'taking', attempt: await calls.start(params.quizId) });
  });
  const openReview = createAction(async (attemptId: string) => {
    setStage({ kind: 'review', review: await calls.review(attemptId) });
  });
  const backToIntro = () => {
    reload();
    setStage({ kind: 'intro' });
  };
  const taking = () => {
    const s = stage();
    return s.kind === 'taking' ? s.attempt : undefined;
  };
  const result = () => {
    const s = stage();
    return s.kind === 'result' ? s.result : undefined;
  };
  const review = () => {
    const s = stage();
    return s.kind === 'review' ? s.review : undefined;
  };

  return (
    <div class="container section quiz-page">
      <Breadcrumb
        links={[
          { href: `/learn/${params.slug}`, label: 'Course' },
          { href: `/learn/${params.slug}?tab=quizzes`, label: 'Quizzes' },
        ]}
        current="Quiz"
      />
      <Async data={detail} fallback={<SkeletonBlock height={14} label="Loading the quiz…" />} retry={reload}>
        {(quiz) => (
          <>
            <PageTitle text={quiz().title} />
            <h1>{quiz().title}</h1>
            <p class="muted">{quiz().course.title}</p>
            <Switch>
              <Match when={stage().kind === 'intro'}>
                <Intro quiz={quiz()} onStart={() => start.run()} starting={start.busy()} onReview={openReview.run} />
                <ErrorMessage message={start.error() ?? openReview.error()} />
              </Match>
              <Match when={taking()}>
                {(attempt) => (
                  <TakeQuiz
                    attempt={attempt()}
                    onDone={(result) => setStage({ kind: 'result', result })}
                    onExpired={() => setStage({ kind: 'expired' })}
                  />
                )}
              </Match>
              <Match when={result()}>
                {(result) => (
                  <Result
                    result={result()}
                    onReview={() => openReview.run(result().attemptId)}
                    reviewing={openReview.busy()}
                    reviewError={openReview.error()}
                    onAgain={() => {
                      backToIntro();
                      void start.run();
                    }}
                    onBack={backToIntro}
                    courseSlug={params.slug}
                  />
                )}
              </Match>
              <Match when={stage().kind === 'expired'}>
                <section class="quiz-result" aria-labelledby="expired-title">
                  <h2 id="expired-title" tabindex="-1" ref={focusOnMount}>
                    Time is up
                  </h2>
                  <p>The time limit passed before the answers arrived, so this attempt scored 0.</p>
                  <button type="button" class="button button-secondary" onClick={backToIntro}>
                    Back to the quiz
                  </button>
                </section>
              </Match>
              <Match when={review()}>{(review) => <Review review={review()} onBack={backToIntro} />}</Match>
            </Switch>
          </>
        )}
      </Async>
    </div>
  );
}

function Intro(props: {
  quiz: QuizDetail;
  onStart: () => void;
  starting: boolean;
  onReview: (attemptId: string) => void;
}) {
  const q = () => props.quiz;
  const canStart = () => q().openAttemptId !== null || q().attemptsLeft !== 0;
  return (
    <section aria-labelledby="quiz-intro-title">
      <h2 id="quiz-intro-title" class="sr-only">
        About this quiz
      </h2>
      <Show when={q().description}>
        <Markdown source={q().description} headingLevel={3} />
      </Show>
      <dl class="quiz-facts">
        <div>
          <dt>Questions</dt>
          <dd>
            {q().questionCount} ({q().totalPoints} {q().totalPoints === 1 ? 'point' : 'points'})
          </dd>
        </div>
        <div>
          <dt>To pass</dt>
          <dd>{q().passingScore}%</dd>
        </div>
        <div>
          <dt>Time limit</dt>
          <dd>{q().timeLimitSeconds ? limitText(q().timeLimitSeconds!) : 'None'}</dd>
        </div>
        <div>
          <dt>Attempts</dt>
          <dd>
            {q().maxAttempts === null
              ? `${q().attemptsUsed} used, no limit`
              : `${q().attemptsUsed} of ${q().maxAttempts} used`}
          </dd>
        </div>
        <div>
          <dt>Answers</dt>
          <dd>{REVIEW_POLICY_LABELS[q().reviewPolicy]}</dd>
        </div>
      </dl>
      <Show when={q().passed}>
        <p class="notice notice-success">
          You passed this quiz{q().bestPercent !== null ? ` with ${q().bestPercent}%` : ''}.
        </p>
      </Show>
      <Show
        when={canStart()}
        fallback={<p class="notice notice-info">You have used every attempt this quiz allows.</p>}
      >
        <Show when={q().timeLimitSeconds}>
          {(limit) => (
            <p>The clock starts when you start: you have {limitText(limit())}, and the server keeps the time.</p>
          )}
        </Show>
        <button type="button" class="button button-primary" onClick={() => props.onStart()} disabled={props.starting}>
          {props.starting ? 'Starting…' : q().openAttemptId ? 'Resume your attempt' : 'Start the quiz'}
        </button>
      </Show>
      <Show when={q().attempts.length > 0}>
        <h2>Your attempts</h2>
        <div class="table-scroll">
          <table class="quiz-attempts">
            <caption class="sr-only">Your attempts at this quiz</caption>
            <thead>
              <tr>
                <th scope="col">Attempt</th>
                <th scope="col">Started</th>
                <th scope="col">Result</th>
                <th scope="col">Answers</th>
              </tr>
            </thead>
            <tbody>
              <For each={q().attempts}>
                {(a) => (
                  <tr>
                    <th scope="row">#{a.number}</th>
                    <td>{formatDateTime(a.startedAt)}</td>
                    <td>
                      <Switch>
                        <Match when={a.status === 'in_progress'}>In progress</Match>
                        <Match when={a.status === 'expired'}>Time ran out (0%)</Match>
                        <Match when={a.status === 'submitted'}>
                          <span class={`status-pill quiz-${a.passed ? 'passed' : 'failed'}`}>
                            {a.passed ? 'Passed' : 'Not passed'}
                          </span>{' '}
                          {a.percent}%
                        </Match>
                      </Switch>
                    </td>
                    <td>
                      <Show when={a.status === 'submitted'} fallback={<span class="muted">—</span>}>
                        <button
                          type="button"
                          class="button button-small button-secondary"
                          onClick={() => props.onReview(a.id)}
                        >
                          Review attempt {a.number}
                        </button>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}

const draftKey = (attemptId: string) => `quiz-draft:${attemptId}`;

function loadDraft(attemptId: string): Record<string, DraftAnswer> {
  try {
    const raw = sessionStorage.getItem(draftKey(attemptId));
    const parsed = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' ? parsed : {};
  } catch {
    return {};
  }
}

function TakeQuiz(props: {
  attempt: StartedAttempt;
  onDone: (result: SubmitAttemptResult) => void;
  onExpired: () => void;
}) {
  const { api } = useApp();
  const calls = quizzesApi(api);
  const attempt = () => props.attempt;
  const [draft, setDraft] = createSignal<Record<string, DraftAnswer>>(loadDraft(attempt().attempt.id));
  const offset = clockOffset(attempt().attempt.serverNow);
  const setAnswer = (questionId: string, value: DraftAnswer) => {
    const next = { ...draft(), [questionId]: value };
    setDraft(next);
    try {
      sessionStorage.setItem(draftKey(attempt().attempt.id), JSON.stringify(next));
    } catch {
      // Private windows may refuse storage: the answers stay in the page.
    }
  };
  const submit = createAction(async () => {
    try {
      const result = await calls.submit(attempt().attempt.id, answersToSend(attempt().questions, draft()));
      sessionStorage.removeItem(draftKey(attempt().attempt.id));
      props.onDone(result);
    } catch (err) {
      if (isApiError(err, 'time_limit_exceeded')) return props.onExpired();
      return errorMessage(err);
    }
  });
  const total = () => attempt().questions.length;
  return (
    <form
      class="quiz-form"
      aria-labelledby="attempt-title"
      onSubmit={(e) => {
        e.preventDefault();
        void submit.run();
      }}
    >
      <div class="quiz-bar">
        <h2 id="attempt-title" tabindex="-1" ref={focusOnMount}>
          Attempt {attempt().attempt.number}
        </h2>
        <Show when={attempt().attempt.deadlineAt}>
          {(deadline) => (
            <QuizTimer
              deadline={deadline()}
              offsetMs={offset}
              onTimeUp={() => {
                if (!submit.busy()) void submit.run();
              }}
            />
          )}
        </Show>
      </div>
      <For each={attempt().questions}>
        {(question, i) => (
          <QuizQuestionField
            question={question}
            index={i()}
            total={total()}
            value={draft()[question.id]}
            onValue={(v) => setAnswer(question.id, v)}
          />
        )}
      </For>
      <p class="muted" aria-live="polite">
        {answeredCount(attempt().questions, draft())} of {total()} answered. Unanswered questions score 0.
      </p>
      <ErrorMessage message={submit.error()} />
      <button type="submit" class="button button-primary" disabled={submit.busy()}>
        {submit.busy() ? 'Submitting…' : 'Submit answers'}
      </button>
    </form>
  );
}

function Result(props: {
  result: SubmitAttemptResult;
  onReview: () => void;
  reviewing: boolean;
  reviewError: string | null;
  onAgain: () => void;
  onBack: () => void;
  courseSlug: string;
}) {
  const r = () => props.result;
  return (
    <section class="quiz-result" aria-labelledby="result-title">
      <h2 id="result-title" tabindex="-1" ref={focusOnMount}>
        {r().passed ? 'You passed' : 'Not passed yet'}
      </h2>
      <p class="quiz-score">
        <span class={`status-pill quiz-${r().passed ? 'passed' : 'failed'}`}>
          {r().passed ? 'Passed' : 'Not passed'}
        </span>{' '}
        {scoreText(r().score, r().maxScore, r().percent)}
      </p>
      <p class="muted">
        You need {r().passingScore}% to pass.
        {r().attemptsLeft === null
          ? ''
          : ` ${r().attemptsLeft} ${r().attemptsLeft === 1 ? 'attempt' : 'attempts'} left.`}
      </p>
      <div class="quiz-actions">
        <Show when={r().reviewAvailable}>
          <button
            type="button"
            class="button button-primary"
            onClick={() => props.onReview()}
            disabled={props.reviewing}
          >
            Review your answers
          </button>
        </Show>
        <Show when={!r().passed && r().attemptsLeft !== 0}>
          <button type="button" class="button button-secondary" onClick={() => props.onAgain()}>
            Try again
          </button>
        </Show>
        <button type="button" class="button button-secondary" onClick={() => props.onBack()}>
          Back to the quiz
        </button>
        <A href={`/learn/${props.courseSlug}?tab=quizzes`} class="button button-secondary">
          All quizzes of the course
        </A>
      </div>
      <ErrorMessage message={props.reviewError} />
    </section>
  );
}

function Review(props: { review: AttemptReview; onBack: () => void }) {
  const r = () => props.review;
  return (
    <section class="quiz-review" aria-labelledby="review-title">
      <h2 id="review-title" tabindex="-1" ref={focusOnMount}>
        Review of your answers
      </h2>
      <Show when={r().score !== null}>
        <p>{scoreText(r().score ?? 0, r().maxScore ?? 0, r().percent ?? 0)}</p>
      </Show>
      <ol class="quiz-review-list">
        <For each={r().questions}>
          {(q, i) => (
            <li class={`quiz-review-item ${q.correct ? 'is-correct' : 'is-wrong'}`}>
              <h3>
                Question {i() + 1}: {q.correct ? 'correct' : 'incorrect'} ({q.points} of {q.maxPoints}{' '}
                {q.maxPoints === 1 ? 'point' : 'points'})
              </h3>
              <Markdown source={q.prompt} headingLevel={4} />
              <dl>
                <dt>Your answer</dt>
                <dd>{answerText(q.type, q.options, q.yourAnswer)}</dd>
                <dt>Correct answer</dt>
                <dd>{answerText(q.type, q.options, q.correctAnswer)}</dd>
              </dl>
              <Show when={q.explanation}>
                <div class="quiz-explanation">
                  <strong>Why: </strong>
                  <Markdown source={q.explanation} headingLevel={4} />
                </div>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <button type="button" class="button button-secondary" onClick={() => props.onBack()}>
        Back to the quiz
      </button>
    </section>
  );
}
