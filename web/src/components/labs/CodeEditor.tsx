import { createEffect, createSignal, Match, onCleanup, onMount, Switch } from 'solid-js';
import type { LabLanguage } from '../../lib/labs-api.ts';
import { loadMonaco, type Monaco } from '../../lib/monaco.ts';
import { Loading } from '../Notices.tsx';

type Editor = ReturnType<Monaco['editor']['create']>;

/**
 * The lab's code editor: Monaco, loaded when this mounts (lib/monaco.ts), with its accessible
 * name, Ctrl/Cmd+Enter bound to `onRun`; a labelled plain textarea when Monaco cannot load, so the
 * lab always works. `value` is the code the page holds: typing reports it through `onChange`, and a
 * new value from the page (reset, an attempt restored) replaces the editor's text.
 */
export function CodeEditor(props: {
  id: string;
  label: string;
  value: string;
  language: LabLanguage;
  onChange: (code: string) => void;
  onRun?: () => void;
  /** Text that describes the editor (its keyboard help), by id. */
  describedBy?: string;
  height?: string;
}) {
  const [mode, setMode] = createSignal<'loading' | 'monaco' | 'plain'>('loading');
  let host: HTMLDivElement | undefined;
  let editor: Editor | undefined;
  let disposed = false;

  onMount(() => {
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host) return;
        const uri = monaco.Uri.parse(`file:///labs/${props.id}.${props.language === 'typescript' ? 'ts' : 'js'}`);
        monaco.editor.getModel(uri)?.dispose();
        const model = monaco.editor.createModel(props.value, props.language, uri);
        editor = monaco.editor.create(host, {
          model,
          ariaLabel: props.label,
          automaticLayout: true,
          minimap: { enabled: false },
          scrollBeyondLastLine: false,
          fontSize: 14,
          tabSize: 2,
          // Commit characters (`;`, `.`) do not accept a suggestion: what the learner types is what they get.
          acceptSuggestionOnCommitCharacter: false,
          fixedOverflowWidgets: true,
        });
        editor.onDidChangeModelContent(() => props.onChange(model.getValue()));
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => props.onRun?.());
        setMode('monaco');
        // The element that takes the keys (an EditContext div in Chromium, else a textarea) gets the help text.
        const input = host.querySelector('[role="textbox"]');
        if (input && props.describedBy) input.setAttribute('aria-describedby', props.describedBy);
      },
      () => {
        if (!disposed) setMode('plain');
      },
    );
  });

  // A value from the page (reset, a restored attempt) replaces the text; the editor's own edits match it already.
  createEffect(() => {
    const value = props.value;
    if (mode() === 'monaco' && editor && editor.getValue() !== value) editor.setValue(value);
  });

  onCleanup(() => {
    disposed = true;
    const model = editor?.getModel();
    editor?.dispose();
    model?.dispose();
  });

  return (
    <div class="code-editor" style={{ '--editor-height': props.height ?? '22rem' }}>
      <Switch>
        <Match when={mode() === 'loading'}>
          <Loading label="Loading the code editor…" />
        </Match>
        <Match when={mode() === 'plain'}>
          <p class="small muted" id={`${props.id}-plain-note`}>
            The code editor could not load, so this is a plain text box.
          </p>
          <label for={`${props.id}-plain`} class="sr-only">
            {props.label}
          </label>
          <textarea
            id={`${props.id}-plain`}
            class="code-editor-plain"
            spellcheck={false}
            autocomplete="off"
            aria-describedby={[`${props.id}-plain-note`, props.describedBy].filter(Boolean).join(' ')}
            value={props.value}
            onInput={(e) => props.onChange(e.currentTarget.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                props.onRun?.();
              }
            }}
          />
        </Match>
      </Switch>
      <div
        ref={host}
        class="code-editor-host"
        classList={{ 'code-editor-hidden': mode() !== 'monaco' }}
        data-editor={mode()}
      />
    </div>
  );
}
