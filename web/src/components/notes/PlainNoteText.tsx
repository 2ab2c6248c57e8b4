import { onCleanup } from 'solid-js';
import type * as Y from 'yjs';

/**
 * The note in a plain, labelled text box, for when Monaco cannot load: each edit goes into the
 * Y.Text as the smallest change (common start and end kept), and others' edits replace the text,
 * keeping the caret where it was relative to the end of the change.
 */
export function PlainNoteText(props: { id: string; label: string; text: Y.Text; readOnly: boolean }) {
  let box: HTMLTextAreaElement | undefined;
  const observer = (_event: Y.YTextEvent, tx: Y.Transaction) => {
    if (!box || tx.local) return;
    const { selectionStart, selectionEnd } = box;
    box.value = props.text.toString();
    box.setSelectionRange(selectionStart, selectionEnd);
  };
  props.text.observe(observer);
  onCleanup(() => props.text.unobserve(observer));

  const onInput = (value: string) => {
    const old = props.text.toString();
    let start = 0;
    while (start < old.length && start < value.length && old[start] === value[start]) start += 1;
    let end = 0;
    while (
      end < old.length - start &&
      end < value.length - start &&
      old[old.length - 1 - end] === value[value.length - 1 - end]
    ) {
      end += 1;
    }
    props.text.doc?.transact(() => {
      props.text.delete(start, old.length - start - end);
      props.text.insert(start, value.slice(start, value.length - end));
    });
  };

  return (
    <>
      <p class="small muted" id={`${props.id}-note`}>
        The editor could not load, so this is a plain text box.
      </p>
      <label for={props.id} class="sr-only">
        {props.label}
      </label>
      <textarea
        ref={box}
        id={props.id}
        class="note-plain"
        aria-describedby={`${props.id}-note`}
        readOnly={props.readOnly}
        value={props.text.toString()}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </>
  );
}
