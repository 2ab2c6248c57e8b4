import { createEffect, createSignal, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { useApp } from '../../lib/context.ts';
import { loadMonaco, type Monaco } from '../../lib/monaco.ts';
import {
  cursorCss,
  editingNowText,
  markdownFileName,
  NOTE_TEXT,
  type NoteStatus,
  notePeers,
  noteStatusText,
  userColor,
  yjsServerUrl,
} from '../../lib/notes.ts';
import { Loading } from '../Notices.tsx';
import { MonacoBinding } from './monaco-binding.ts';
import { PlainNoteText } from './PlainNoteText.tsx';

type Editor = ReturnType<Monaco['editor']['create']>;

/** Connection failures in a row, before ever connecting, after which the page asks whether the note may still be opened. */
const FAILURES_BEFORE_CHECK = 2;

/**
 * One note, live: a Y.Doc synced with the Yjs server (`/yjs/<document>`, the access token as the
 * `token` parameter, a fresh one after every token refresh), shown in Monaco (Markdown, word wrap)
 * with the others' cursors and names, or in a plain text box when Monaco cannot load. A refused
 * connection (the socket closed with 1008 even with a fresh token, or refused upgrades while
 * `stillAllowed` says no) stops retrying and says so.
 */
export function NoteEditor(props: {
  document: string;
  /** The editor's accessible name. */
  label: string;
  lessonTitle: string;
  readOnly: boolean;
  /** Asked after refused connections: whether the caller may still open the note. */
  stillAllowed: () => Promise<boolean>;
}) {
  const { api, auth, authClient } = useApp();
  const [status, setStatus] = createSignal<NoteStatus>('connecting');
  const [mode, setMode] = createSignal<'loading' | 'monaco' | 'plain'>('loading');
  const [editing, setEditing] = createSignal('');
  const [synced, setSynced] = createSignal(false);
  const ydoc = new Y.Doc();
  const ytext = ydoc.getText(NOTE_TEXT);
  const awareness = new Awareness(ydoc);
  const style = document.createElement('style');
  document.head.append(style);
  let host: HTMLDivElement | undefined;
  let provider: WebsocketProvider | undefined;
  let editor: Editor | undefined;
  let binding: MonacoBinding | undefined;
  let disposed = false;
  let failures = 0;

  const user = auth.state.user;
  const name = user ? `${user.firstName} ${user.lastName}`.trim() || user.email : 'Someone';
  awareness.setLocalStateField('user', { name, color: userColor(user?.id ?? name) });
  awareness.on('change', () => {
    const peers = notePeers(awareness.getStates() as Map<number, Record<string, unknown>>, ydoc.clientID);
    style.textContent = cursorCss(peers);
    setEditing(editingNowText(peers.map((x) => x.name)));
  });

  const refuse = () => {
    provider?.disconnect();
    setStatus('refused');
  };

  const connect = async () => {
    const token = await api.accessToken();
    if (disposed) return;
    if (!token) {
      setStatus('refused');
      return;
    }
    const p = new WebsocketProvider(yjsServerUrl(location), props.document, ydoc, {
      params: { token },
      awareness,
      disableBc: true,
      // 1008: the token expired or access was withdrawn; the 'closed' handler decides.
      shouldReconnect: (event) => event.code !== 1008,
    });
    provider = p;
    p.on('status', ({ status: s }) => {
      if (disposed || status() === 'refused') return;
      if (s === 'connected') {
        failures = 0;
        setStatus('live');
      } else if (s === 'disconnected') {
        setStatus('offline');
      }
    });
    p.on('sync', (state: boolean) => setSynced(state));
    p.on('connection-close', (event) => {
      if (disposed || p.wsconnected || event === null) return;
      failures += 1;
      if (status() === 'connecting' && failures >= 1) setStatus('offline');
      if (failures === FAILURES_BEFORE_CHECK) {
        void props.stillAllowed().then((allowed) => {
          if (!allowed && !disposed) refuse();
        });
      }
    });
    p.on('closed', async ({ code }) => {
      if (code !== 1008 || disposed) return;
      // Once with a fresh token; a second 1008 on the same token is a refusal.
      const fresh = await api.accessToken();
      if (disposed) return;
      if (fresh && fresh !== p.params.token) {
        p.params.token = fresh;
        p.connect();
      } else {
        refuse();
      }
    });
  };

  // A refreshed token: the next connection uses it, and the open one is replaced by one that does
  // (the server closes a socket whose token expired). Deferred: the auth callback must not call Supabase.
  const { data: authListener } = authClient.onAuthStateChange((event) => {
    if (event !== 'TOKEN_REFRESHED' && event !== 'SIGNED_IN') return;
    setTimeout(async () => {
      const p = provider;
      const token = await api.accessToken();
      if (disposed || !p || !token || token === p.params.token || status() === 'refused') return;
      p.params.token = token;
      if (p.wsconnected || p.wsconnecting) {
        p.disconnect();
        p.connect();
      }
    }, 0);
  });

  onMount(() => {
    void connect();
    loadMonaco().then(
      (monaco) => {
        if (disposed || !host) return;
        const uri = monaco.Uri.parse(`inmemory://notes/${encodeURIComponent(props.document)}.md`);
        monaco.editor.getModel(uri)?.dispose();
        const model = monaco.editor.createModel('', 'markdown', uri);
        editor = monaco.editor.create(host, {
          model,
          ariaLabel: props.label,
          automaticLayout: true,
          wordWrap: 'on',
          minimap: { enabled: false },
          lineNumbers: 'off',
          scrollBeyondLastLine: false,
          fontSize: 15,
          readOnly: props.readOnly,
          // Prose: no completion pop-ups taking keys.
          quickSuggestions: false,
          suggestOnTriggerCharacters: false,
          wordBasedSuggestions: 'off',
          fixedOverflowWidgets: true,
        });
        binding = new MonacoBinding(monaco, ytext, model, new Set([editor]), awareness);
        setMode('monaco');
      },
      () => {
        if (!disposed) setMode('plain');
      },
    );
  });

  createEffect(() => {
    const readOnly = props.readOnly || status() === 'refused';
    if (mode() === 'monaco') editor?.updateOptions({ readOnly });
  });

  const download = () => {
    const url = URL.createObjectURL(new Blob([ytext.toString()], { type: 'text/markdown;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = markdownFileName(props.lessonTitle);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  onCleanup(() => {
    disposed = true;
    authListener.subscription.unsubscribe();
    binding?.destroy();
    const model = editor?.getModel();
    editor?.dispose();
    model?.dispose();
    provider?.destroy();
    awareness.destroy();
    ydoc.destroy();
    style.remove();
  });

  return (
    <div class="note-editor" data-synced={synced() ? 'true' : 'false'}>
      <div class="note-meta">
        <p class="note-status small" role="status" data-status={status()}>
          {noteStatusText(status())}
        </p>
        <p class="note-editing small muted" aria-live="polite">
          {editing()}
        </p>
      </div>
      <Show when={status() === 'refused'}>
        <div class="notice notice-error" role="alert">
          <p>{noteStatusText('refused')}</p>
        </div>
      </Show>
      <div class="note-frame">
        <Switch>
          <Match when={mode() === 'loading'}>
            <Loading label="Loading the editor…" />
          </Match>
          <Match when={mode() === 'plain'}>
            <PlainNoteText
              id={`note-plain-${props.document.replace(/[^a-z0-9-]/gi, '-')}`}
              label={props.label}
              text={ytext}
              readOnly={props.readOnly || status() === 'refused'}
            />
          </Match>
        </Switch>
        <div
          ref={host}
          class="note-editor-host"
          classList={{ 'note-editor-hidden': mode() !== 'monaco' }}
          data-editor={mode()}
        />
      </div>
      <p>
        <button type="button" class="button button-secondary button-small" onClick={download}>
          Download as Markdown
        </button>
      </p>
    </div>
  );
}
