import { createMutex } from 'lib0/mutex';
import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Monaco } from '../../lib/monaco.ts';

type Editor = ReturnType<Monaco['editor']['create']>;
type Model = NonNullable<ReturnType<Editor['getModel']>>;
type Disposable = { dispose(): void };

interface RelativeSelection {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
  direction: number;
}

/**
 * y-monaco's MonacoBinding (MIT, y-monaco 0.1.6), with the Monaco instance passed in: the package
 * imports monaco-editor's ESM build itself, which would put a second Monaco in the bundle beside
 * the one lib/monaco.ts loads from /vendor/monaco. It keeps a Y.Text and a Monaco model in step,
 * restores the local selection across remote edits, and with an awareness publishes the local
 * selection and draws the others' selections and cursors (classes yRemoteSelection-<clientID>,
 * yRemoteSelectionHead-<clientID>, styled by the caller).
 */
export class MonacoBinding {
  private readonly doc: Y.Doc;
  private readonly mux = createMutex();
  private savedSelections = new Map<Editor, RelativeSelection>();
  private readonly decorations = new Map<Editor, string[]>();
  private readonly disposables: Disposable[] = [];
  private readonly beforeTransaction: () => void;
  private readonly observer: (event: Y.YTextEvent) => void;
  private readonly rerender: () => void;

  private readonly monaco: Monaco;
  private readonly ytext: Y.Text;
  private readonly model: Model;
  private readonly editors: Set<Editor>;
  private readonly awareness: Awareness | null;

  constructor(monaco: Monaco, ytext: Y.Text, model: Model, editors: Set<Editor>, awareness: Awareness | null = null) {
    this.monaco = monaco;
    this.ytext = ytext;
    this.model = model;
    this.editors = editors;
    this.awareness = awareness;
    this.doc = ytext.doc as Y.Doc;
    this.beforeTransaction = () => {
      this.mux(() => {
        this.savedSelections = new Map();
        for (const editor of editors) {
          if (editor.getModel() !== model) continue;
          const sel = editor.getSelection();
          if (!sel) continue;
          this.savedSelections.set(editor, {
            start: Y.createRelativePositionFromTypeIndex(ytext, model.getOffsetAt(sel.getStartPosition())),
            end: Y.createRelativePositionFromTypeIndex(ytext, model.getOffsetAt(sel.getEndPosition())),
            direction: sel.getDirection(),
          });
        }
      });
    };
    this.doc.on('beforeAllTransactions', this.beforeTransaction);

    this.rerender = () => this.renderDecorations();

    this.observer = (event) => {
      this.mux(() => {
        let index = 0;
        for (const op of event.delta) {
          if (op.retain !== undefined) {
            index += op.retain;
          } else if (op.insert !== undefined) {
            const pos = model.getPositionAt(index);
            const text = typeof op.insert === 'string' ? op.insert : '';
            model.applyEdits([
              { range: new monaco.Range(pos.lineNumber, pos.column, pos.lineNumber, pos.column), text },
            ]);
            index += text.length;
          } else if (op.delete !== undefined) {
            const pos = model.getPositionAt(index);
            const end = model.getPositionAt(index + op.delete);
            model.applyEdits([
              { range: new monaco.Range(pos.lineNumber, pos.column, end.lineNumber, end.column), text: '' },
            ]);
          }
        }
        for (const [editor, rsel] of this.savedSelections) {
          const start = Y.createAbsolutePositionFromRelativePosition(rsel.start, this.doc);
          const end = Y.createAbsolutePositionFromRelativePosition(rsel.end, this.doc);
          if (!start || !end || start.type !== ytext || end.type !== ytext) continue;
          const a = model.getPositionAt(start.index);
          const b = model.getPositionAt(end.index);
          editor.setSelection(
            monaco.Selection.createWithDirection(a.lineNumber, a.column, b.lineNumber, b.column, rsel.direction),
          );
        }
      });
      this.renderDecorations();
    };
    ytext.observe(this.observer);
    if (model.getValue() !== ytext.toString()) model.setValue(ytext.toString());

    this.disposables.push(
      model.onDidChangeContent((event) => {
        // Right to left, so earlier offsets stay valid.
        this.mux(() => {
          this.doc.transact(() => {
            for (const change of [...event.changes].sort((x, y) => y.rangeOffset - x.rangeOffset)) {
              ytext.delete(change.rangeOffset, change.rangeLength);
              ytext.insert(change.rangeOffset, change.text);
            }
          }, this);
        });
      }),
      model.onWillDispose(() => this.destroy()),
    );

    if (awareness) {
      for (const editor of editors) {
        this.disposables.push(
          editor.onDidChangeCursorSelection(() => {
            if (editor.getModel() !== model) return;
            const sel = editor.getSelection();
            if (!sel) return;
            let anchor = model.getOffsetAt(sel.getStartPosition());
            let head = model.getOffsetAt(sel.getEndPosition());
            if (sel.getDirection() === monaco.SelectionDirection.RTL) [anchor, head] = [head, anchor];
            awareness.setLocalStateField('selection', {
              anchor: Y.createRelativePositionFromTypeIndex(ytext, anchor),
              head: Y.createRelativePositionFromTypeIndex(ytext, head),
            });
          }),
        );
      }
      awareness.on('change', this.rerender);
    }
  }

  private renderDecorations(): void {
    const { awareness, model, ytext, monaco } = this;
    for (const editor of this.editors) {
      if (!awareness || editor.getModel() !== model) {
        this.decorations.delete(editor);
        continue;
      }
      const next: Parameters<Editor['deltaDecorations']>[1] = [];
      awareness.getStates().forEach((state, clientID) => {
        const selection = state.selection as { anchor?: unknown; head?: unknown } | undefined;
        if (clientID === this.doc.clientID || !selection?.anchor || !selection.head) return;
        const anchor = Y.createAbsolutePositionFromRelativePosition(selection.anchor as Y.RelativePosition, this.doc);
        const head = Y.createAbsolutePositionFromRelativePosition(selection.head as Y.RelativePosition, this.doc);
        if (!anchor || !head || anchor.type !== ytext || head.type !== ytext) return;
        const forward = anchor.index < head.index;
        const start = model.getPositionAt(forward ? anchor.index : head.index);
        const end = model.getPositionAt(forward ? head.index : anchor.index);
        const headClass = `yRemoteSelectionHead yRemoteSelectionHead-${clientID}`;
        next.push({
          range: new monaco.Range(start.lineNumber, start.column, end.lineNumber, end.column),
          options: {
            className: `yRemoteSelection yRemoteSelection-${clientID}`,
            afterContentClassName: forward ? headClass : null,
            beforeContentClassName: forward ? null : headClass,
          },
        });
      });
      this.decorations.set(editor, editor.deltaDecorations(this.decorations.get(editor) ?? [], next));
    }
  }

  destroy(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.ytext.unobserve(this.observer);
    this.doc.off('beforeAllTransactions', this.beforeTransaction);
    this.awareness?.off('change', this.rerender);
  }
}
