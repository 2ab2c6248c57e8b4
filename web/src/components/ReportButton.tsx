import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { ReportReason, ReportTargetType } from '../../../edge/api-types.ts';
import { isApiError } from '../lib/api.ts';
import { useApp } from '../lib/context.ts';
import { REPORT_REASONS, reportApi } from '../lib/moderation-api.ts';
import { createAction } from '../lib/submit.ts';
import { ErrorMessage } from './Notices.tsx';
import '../styles/moderation.css';

/**
 * "Report" on a review or a live-session question: a modal dialog (the browser's <dialog>: focus
 * stays inside, Escape closes) to pick a reason and add a note; an admin sees it in /admin/reports.
 * Once sent, the button says "Reported".
 */
export function ReportButton(props: { targetType: ReportTargetType; targetId: string; what: string }) {
  const { api, announce } = useApp();
  const id = createUniqueId();
  const [reason, setReason] = createSignal<ReportReason | ''>('');
  const [note, setNote] = createSignal('');
  const [reported, setReported] = createSignal(false);
  // The dialog exists only while open: a list of reviews holds no hidden forms.
  const [open, setOpen] = createSignal(false);
  let dialog: HTMLDialogElement | undefined;
  let opener: HTMLButtonElement | undefined;
  const close = () => {
    dialog?.close();
    opener?.focus();
  };
  const send = createAction(async () => {
    if (!reason()) return 'Choose a reason.';
    if (reason() === 'other' && !note().trim()) return 'Say what is wrong.';
    try {
      await reportApi(api).report({
        targetType: props.targetType,
        targetId: props.targetId,
        reason: reason() as ReportReason,
        note: note().trim(),
      });
    } catch (err) {
      if (!isApiError(err, 'already_reported')) throw err;
    }
    setReported(true);
    dialog?.close();
    announce('Thank you. An admin will look at it.');
  });
  return (
    <>
      <Show
        when={!reported()}
        fallback={
          <span class="small muted report-done" role="status">
            Reported
          </span>
        }
      >
        <button
          type="button"
          class="button button-small button-ghost report-button"
          ref={opener}
          aria-haspopup="dialog"
          onClick={() => {
            send.setError(null);
            setOpen(true);
          }}
        >
          Report<span class="sr-only"> {props.what}</span>
        </button>
      </Show>
      <Show when={open()}>
        <dialog
          ref={(el) => {
            dialog = el;
            queueMicrotask(() => el.isConnected && !el.open && el.showModal());
          }}
          class="report-dialog"
          aria-labelledby={`${id}-title`}
          onClose={() => {
            setOpen(false);
            opener?.focus();
          }}
        >
          <form
            method="dialog"
            onSubmit={(e) => {
              e.preventDefault();
              void send.run();
            }}
          >
            <h2 id={`${id}-title`} class="h3">
              Report {props.what}
            </h2>
            <fieldset>
              <legend>What is wrong with it?</legend>
              <For each={REPORT_REASONS}>
                {(r) => (
                  <div class="choice">
                    <input
                      type="radio"
                      id={`${id}-${r.value}`}
                      name={`${id}-reason`}
                      value={r.value}
                      checked={reason() === r.value}
                      onChange={() => setReason(r.value)}
                    />
                    <label for={`${id}-${r.value}`}>{r.label}</label>
                  </div>
                )}
              </For>
            </fieldset>
            <div class="field">
              <label for={`${id}-note`}>Anything to add{reason() === 'other' ? '' : ' (optional)'}</label>
              <textarea
                id={`${id}-note`}
                rows={3}
                maxLength={1000}
                value={note()}
                onInput={(e) => setNote(e.currentTarget.value)}
              />
            </div>
            <ErrorMessage message={send.error()} />
            <div class="form-actions">
              <button type="submit" class="button button-primary" disabled={send.busy()}>
                Send report
              </button>
              <button type="button" class="button button-ghost" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        </dialog>
      </Show>
    </>
  );
}
