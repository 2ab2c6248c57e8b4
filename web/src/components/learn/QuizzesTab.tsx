import { A, createAsync } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { QuizSummary } from '../../../../edge/api-types.ts';
import { useApp } from '../../lib/context.ts';
import { settle } from '../../lib/queries.ts';
import { limitText, quizzesApi } from '../../lib/quizzes-api.ts';
import { Async } from '../Async.tsx';
import { SkeletonBlock } from '../Skeleton.tsx';
import '../../styles/quizzes.css';

/** Where the learner stands with a quiz, in words. */
function standing(q: QuizSummary): { label: string; tone: 'passed' | 'failed' | 'none' } {
  if (q.passed) return { label: `Passed${q.bestPercent !== null ? ` (${q.bestPercent}%)` : ''}`, tone: 'passed' };
  if (q.attemptsUsed === 0) return { label: 'Not started', tone: 'none' };
  const best = q.bestPercent !== null ? `: best ${q.bestPercent}%` : '';
  return { label: `Not passed yet${best}`, tone: 'failed' };
}

/** The player's Quizzes tab: each quiz with its limits and the learner's standing, linked to the quiz page. */
export function QuizzesTab(props: { courseSlug: string }) {
  const { api } = useApp();
  const calls = quizzesApi(api);
  const [attempt, setAttempt] = createSignal(0);
  const list = createAsync(() => {
    attempt();
    return settle(calls.list(props.courseSlug));
  });
  return (
    <div class="quizzes-tab">
      <Async
        data={list}
        fallback={<SkeletonBlock height={6} label="Loading the quizzes…" />}
        retry={() => setAttempt((n) => n + 1)}
      >
        {(l) => (
          <Show when={l().items.length > 0} fallback={<p class="muted">This course has no quizzes.</p>}>
            <ul class="quiz-list">
              <For each={l().items}>
                {(q) => (
                  <li class="quiz-row">
                    <A href={`/learn/${props.courseSlug}/quizzes/${q.id}`} class="quiz-link">
                      {q.title}
                    </A>
                    <span class="muted small">
                      {q.questionCount} {q.questionCount === 1 ? 'question' : 'questions'} · pass at {q.passingScore}%
                      {q.timeLimitSeconds ? ` · ${limitText(q.timeLimitSeconds)}` : ''}
                      {q.maxAttempts !== null ? ` · ${q.attemptsUsed} of ${q.maxAttempts} attempts used` : ''}
                      {q.isRequired ? '' : ' · optional'}
                      {q.status === 'draft' ? ' · draft' : ''}
                    </span>
                    <span class={`status-pill quiz-${standing(q).tone}`}>{standing(q).label}</span>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Async>
      <Show
        when={(() => {
          const r = list();
          return r?.ok && r.value.canManage ? r.value.course.id : null;
        })()}
      >
        {(courseId) => (
          <p>
            <A href={`/teach/courses/${courseId()}/quizzes`}>Edit this course's quizzes</A>
          </p>
        )}
      </Show>
    </div>
  );
}
