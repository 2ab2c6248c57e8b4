import { createEffect, createMemo, createSignal } from 'solid-js';
import { codeLanguages, ensureLanguages, hastToDom, markdownToHast } from '../lib/markdown.ts';
import '../styles/markdown.css';

let instances = 0;

/**
 * Renders Markdown from instructors as DOM nodes (web/src/lib/markdown.ts): CommonMark + GFM,
 * sanitised, built with createElement/createTextNode. Code in a known language is plain at
 * first and highlighted once its grammar has loaded.
 */
export function Markdown(props: {
  source: string;
  /** The level the text's top headings get (2 under the page's h1), so the outline never skips a level. */
  headingLevel?: number;
  class?: string;
}) {
  const idPrefix = `md${++instances}-`;
  const [grammars, setGrammars] = createSignal(0);
  const tree = createMemo(() => {
    grammars();
    return markdownToHast(props.source, { idPrefix });
  });
  createEffect(() => {
    const langs = codeLanguages(tree());
    if (langs.length === 0) return;
    ensureLanguages(langs).then(
      (added) => added && setGrammars((n) => n + 1),
      () => {}, // a grammar that failed to load leaves the code plain
    );
  });
  const nodes = createMemo(() => [
    ...hastToDom(tree(), document, { headingLevel: props.headingLevel ?? 2, idPrefix }).childNodes,
  ]);
  return <div class={props.class ?? 'prose'}>{nodes()}</div>;
}
