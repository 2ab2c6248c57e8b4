import { createUniqueId, For, Index, Match, Show, Switch } from 'solid-js';
import { createStore, produce, unwrap } from 'solid-js/store';
import type { QuizQuestionInput, QuizQuestionType } from '../../../../edge/api-types.ts';
import { draftProblem, draftToInput, emptyDraft, nextId, type QuestionDraft } from '../../lib/quiz-builder.ts';
import { QUESTION_TYPE_LABELS } from '../../lib/quizzes-api.ts';
import { createAction } from '../../lib/submit.ts';
import { ErrorMessage } from '../Notices.tsx';

const TYPES = Object.keys(QUESTION_TYPE_LABELS) as QuizQuestionType[];

/**
 * The form for one question of any type, its correct answer marked in the same form: native
 * radios, checkboxes and text inputs, buttons to add and remove options, all usable by keyboard.
 * `onSave` gets the API's question (options and key); it may throw, the error shows here.
 */
export function QuestionEditor(props: {
  initial?: QuestionDraft;
  heading: string;
  saveLabel: string;
  onSave: (input: QuizQuestionInput) => Promise<void>;
  onCancel?: () => void;
}) {
  const id = createUniqueId();
  const [d, setD] = createStore<QuestionDraft>(structuredClone(props.initial ?? emptyDraft()));
  const save = createAction(async () => {
    const problem = draftProblem(unwrap(d));
    if (problem) return problem;
    await props.onSave(draftToInput(unwrap(d)));
  });
  const addChoice = () =>
    setD(
      produce((x) => {
        x.choices.push({
          id: nextId(
            'o',
            x.choices.map((c) => c.id),
          ),
          text: '',
        });
      }),
    );
  const removeChoice = (cid: string) =>
    setD(
      produce((x) => {
        x.choices = x.choices.filter((c) => c.id !== cid);
        x.correct = x.correct.filter((c) => c !== cid);
      }),
    );
  const toggleCorrect = (cid: string, on: boolean) =>
    setD('correct', (c) => (d.type === 'single_choice' ? [cid] : on ? [...c, cid] : c.filter((x) => x !== cid)));
  const addPair = () =>
    setD(
      produce((x) => {
        x.pairs.push({
          leftId: nextId(
            'l',
            x.pairs.map((p) => p.leftId),
          ),
          left: '',
          rightId: nextId(
            'r',
            x.pairs.map((p) => p.rightId),
          ),
          right: '',
        });
      }),
    );

  return (
    <form
      class="question-editor"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <h3 id={`${id}-title`}>{props.heading}</h3>
      <div class="field">
        <label for={`${id}-type`}>Question type</label>
        <select
          id={`${id}-type`}
          onChange={(e) => {
            const type = e.currentTarget.value as QuizQuestionType;
            setD(
              produce((x) => {
                x.type = type;
                if (type === 'single_choice') x.correct = x.correct.slice(0, 1);
              }),
            );
          }}
        >
          <For each={TYPES}>
            {(t) => (
              <option value={t} selected={d.type === t}>
                {QUESTION_TYPE_LABELS[t]}
              </option>
            )}
          </For>
        </select>
      </div>
      <div class="field">
        <label for={`${id}-prompt`}>Question (Markdown)</label>
        <textarea
          id={`${id}-prompt`}
          rows={3}
          maxLength={10000}
          value={d.prompt}
          onInput={(e) => setD('prompt', e.currentTarget.value)}
        />
      </div>
      <Switch>
        <Match when={d.type === 'single_choice' || d.type === 'multiple_choice'}>
          <fieldset>
            <legend>Options: mark {d.type === 'single_choice' ? 'the correct one' : 'every correct one'}</legend>
            <Index each={d.choices}>
              {(choice, i) => (
                <div class="builder-option">
                  <input
                    type={d.type === 'single_choice' ? 'radio' : 'checkbox'}
                    name={`${id}-correct`}
                    id={`${id}-correct-${i}`}
                    checked={d.correct.includes(choice().id)}
                    onChange={(e) => toggleCorrect(choice().id, e.currentTarget.checked)}
                  />
                  <label for={`${id}-correct-${i}`} class="sr-only">
                    Option {i + 1} is correct
                  </label>
                  <RowText
                    id={`${id}-choice-${i}`}
                    label={`Option ${i + 1} text`}
                    placeholder={`Option ${i + 1}`}
                    value={choice().text}
                    onValue={(v) => setD('choices', i, 'text', v)}
                  />
                  <SmallButton onClick={() => removeChoice(choice().id)} disabled={d.choices.length <= 2}>
                    {`Remove option ${i + 1}`}
                  </SmallButton>
                </div>
              )}
            </Index>
            <SmallButton onClick={addChoice} disabled={d.choices.length >= 20}>
              Add an option
            </SmallButton>
          </fieldset>
        </Match>
        <Match when={d.type === 'true_false'}>
          <fieldset>
            <legend>The statement is</legend>
            <For each={[true, false]}>
              {(v) => (
                <label class="quiz-choice">
                  <input type="radio" name={`${id}-truth`} checked={d.truth === v} onChange={() => setD('truth', v)} />{' '}
                  {v ? 'True' : 'False'}
                </label>
              )}
            </For>
          </fieldset>
        </Match>
        <Match when={d.type === 'fill_blank'}>
          <div class="field">
            <label for={`${id}-accepted`}>Accepted answers, one a line</label>
            <textarea
              id={`${id}-accepted`}
              rows={3}
              value={d.accepted}
              onInput={(e) => setD('accepted', e.currentTarget.value)}
            />
          </div>
          <label class="quiz-choice">
            <input
              type="checkbox"
              checked={d.caseSensitive}
              onChange={(e) => setD('caseSensitive', e.currentTarget.checked)}
            />{' '}
            Capital letters matter
          </label>
        </Match>
        <Match when={d.type === 'matching'}>
          <fieldset>
            <legend>
              Pairs: each item on the left matches the one beside it (learners see the right side shuffled)
            </legend>
            <Index each={d.pairs}>
              {(pair, i) => (
                <div class="builder-option">
                  <RowText
                    id={`${id}-left-${i}`}
                    label={`Pair ${i + 1}, left item`}
                    placeholder={`Item ${i + 1}`}
                    value={pair().left}
                    onValue={(v) => setD('pairs', i, 'left', v)}
                  />
                  <span aria-hidden="true">→</span>
                  <RowText
                    id={`${id}-right-${i}`}
                    label={`Pair ${i + 1}, its match`}
                    placeholder={`Match ${i + 1}`}
                    value={pair().right}
                    onValue={(v) => setD('pairs', i, 'right', v)}
                  />
                  <SmallButton
                    onClick={() => setD('pairs', (p) => p.filter((_, n) => n !== i))}
                    disabled={d.pairs.length <= 1}
                  >
                    {`Remove pair ${i + 1}`}
                  </SmallButton>
                </div>
              )}
            </Index>
            <SmallButton onClick={addPair} disabled={d.pairs.length >= 10}>
              Add a pair
            </SmallButton>
          </fieldset>
        </Match>
      </Switch>
      <div class="quiz-settings">
        <div class="field">
          <label for={`${id}-points`}>Points</label>
          <input
            id={`${id}-points`}
            type="number"
            min="1"
            max="100"
            step="1"
            value={d.points}
            onInput={(e) => setD('points', Number(e.currentTarget.value))}
          />
        </div>
      </div>
      <div class="field">
        <label for={`${id}-explanation`}>Explanation shown in the review (Markdown, optional)</label>
        <textarea
          id={`${id}-explanation`}
          rows={2}
          maxLength={10000}
          value={d.explanation}
          onInput={(e) => setD('explanation', e.currentTarget.value)}
        />
      </div>
      <ErrorMessage message={save.error()} />
      <div class="builder-actions">
        <button type="submit" class="button button-primary" disabled={save.busy()}>
          {save.busy() ? 'Saving…' : props.saveLabel}
        </button>
        <Show when={props.onCancel}>
          {(cancel) => (
            <button type="button" class="button button-secondary" onClick={() => cancel()()}>
              Cancel
            </button>
          )}
        </Show>
      </div>
    </form>
  );
}

/** A row's text input with its label for screen readers only (an option, one side of a pair). */
function RowText(props: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  onValue: (v: string) => void;
}) {
  return (
    <>
      <label for={props.id} class="sr-only">
        {props.label}
      </label>
      <input
        type="text"
        id={props.id}
        placeholder={props.placeholder}
        maxLength={1000}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
      />
    </>
  );
}

/** A small secondary button that adds or removes a row. */
function SmallButton(props: { onClick: () => void; disabled: boolean; children: string }) {
  return (
    <button
      type="button"
      class="button button-small button-secondary"
      onClick={() => props.onClick()}
      disabled={props.disabled}
    >
      {props.children}
    </button>
  );
}
