import { createUniqueId, For, type JSX, Match, Switch } from 'solid-js';
import type { AttemptQuestion } from '../../../../edge/api-types.ts';
import { type DraftAnswer, plainInline, sideOf } from '../../lib/quizzes-api.ts';
import { Markdown } from '../Markdown.tsx';
import { InlineText } from './InlineText.tsx';

/**
 * One question of an attempt as a fieldset: its number and points in the legend, the prompt
 * (Markdown) describing the group, and native inputs for its type: radios (one answer, true or
 * false), checkboxes (several), a text input (fill in the blank) or one <select> per left item
 * (matching). Options come in the order the server fixed for this attempt.
 */
export function QuizQuestionField(props: {
  question: AttemptQuestion;
  index: number;
  total: number;
  value: DraftAnswer;
  onValue: (value: DraftAnswer) => void;
}) {
  const id = createUniqueId();
  const q = () => props.question;
  const promptId = `${id}-prompt`;
  const name = `${id}-answer`;
  const chosen = () => (Array.isArray(props.value) ? props.value : []);
  const pairs = () =>
    props.value && typeof props.value === 'object' && !Array.isArray(props.value)
      ? (props.value as Record<string, string>)
      : {};
  return (
    <fieldset class="quiz-question" aria-describedby={promptId}>
      <legend>
        Question {props.index + 1} of {props.total}{' '}
        <span class="muted">
          ({q().points} {q().points === 1 ? 'point' : 'points'})
        </span>
      </legend>
      <div id={promptId} class="quiz-prompt">
        <Markdown source={q().prompt} headingLevel={3} />
      </div>
      <Switch>
        <Match when={q().type === 'single_choice'}>
          <For each={q().options}>
            {(o) => (
              <Choice
                type="radio"
                name={name}
                value={o.id}
                checked={props.value === o.id}
                onCheck={() => props.onValue(o.id)}
              >
                <span>
                  <InlineText text={o.text} />
                </span>
              </Choice>
            )}
          </For>
        </Match>
        <Match when={q().type === 'multiple_choice'}>
          <p class="muted small">Choose every answer that applies.</p>
          <For each={q().options}>
            {(o) => (
              <Choice
                type="checkbox"
                name={name}
                value={o.id}
                checked={chosen().includes(o.id)}
                onCheck={(on) => props.onValue(on ? [...chosen(), o.id] : chosen().filter((c) => c !== o.id))}
              >
                <span>
                  <InlineText text={o.text} />
                </span>
              </Choice>
            )}
          </For>
        </Match>
        <Match when={q().type === 'true_false'}>
          <For each={[true, false]}>
            {(v) => (
              <Choice
                type="radio"
                name={name}
                value={String(v)}
                checked={props.value === v}
                onCheck={() => props.onValue(v)}
              >
                {v ? 'True' : 'False'}
              </Choice>
            )}
          </For>
        </Match>
        <Match when={q().type === 'fill_blank'}>
          <div class="field">
            <label for={`${id}-text`}>Your answer</label>
            <input
              id={`${id}-text`}
              type="text"
              maxLength={1000}
              autocomplete="off"
              value={typeof props.value === 'string' ? props.value : ''}
              onInput={(e) => props.onValue(e.currentTarget.value)}
            />
          </div>
        </Match>
        <Match when={q().type === 'matching'}>
          <div class="quiz-matching">
            <For each={q().options.filter((o) => sideOf(o) === 'left')}>
              {(left) => (
                <div class="field">
                  <label for={`${id}-${left.id}`}>
                    <InlineText text={left.text} />
                  </label>
                  <select
                    id={`${id}-${left.id}`}
                    onChange={(e) => props.onValue({ ...pairs(), [left.id]: e.currentTarget.value })}
                  >
                    <option value="" selected={!pairs()[left.id]}>
                      Choose a match…
                    </option>
                    <For each={q().options.filter((o) => sideOf(o) === 'right')}>
                      {(right) => (
                        <option value={right.id} selected={pairs()[left.id] === right.id}>
                          {plainInline(right.text)}
                        </option>
                      )}
                    </For>
                  </select>
                </div>
              )}
            </For>
          </div>
        </Match>
      </Switch>
    </fieldset>
  );
}

/** One radio or checkbox with its text, the whole line its label. */
function Choice(props: {
  type: 'radio' | 'checkbox';
  name: string;
  value: string;
  checked: boolean;
  onCheck: (checked: boolean) => void;
  children: JSX.Element;
}) {
  return (
    <label class="quiz-choice">
      <input
        type={props.type}
        name={props.name}
        value={props.value}
        checked={props.checked}
        onChange={(e) => props.onCheck(e.currentTarget.checked)}
      />{' '}
      {props.children}
    </label>
  );
}
