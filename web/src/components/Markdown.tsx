import { createMemo, For, type JSX, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { type Block, type Inline, parseMarkdown } from '../lib/markdown.ts';

/**
 * Renders Markdown from instructors as DOM nodes. Text is only ever inserted as text
 * nodes; links are the http(s) ones the parser let through.
 */
export function Markdown(props: {
  source: string;
  /** The level the text's top headings get (2 under the page's h1), so the outline never skips a level. */
  headingLevel?: number;
  class?: string;
}) {
  const blocks = createMemo(() => parseMarkdown(props.source));
  const offset = () => (props.headingLevel ?? 2) - topHeadingLevel(blocks());
  return (
    <div class={props.class ?? 'prose'}>
      <Blocks blocks={blocks()} offset={offset()} />
    </div>
  );
}

function topHeadingLevel(blocks: Block[]): number {
  let min = 6;
  const visit = (bs: Block[]) => {
    for (const b of bs) {
      if (b.type === 'heading') min = Math.min(min, b.level);
      else if (b.type === 'blockquote') visit(b.children);
      else if (b.type === 'list') for (const item of b.items) visit(item.blocks);
    }
  };
  visit(blocks);
  return min;
}

function Blocks(props: { blocks: Block[]; offset: number }): JSX.Element {
  return <For each={props.blocks}>{(block) => <BlockView block={block} offset={props.offset} />}</For>;
}

function BlockView(props: { block: Block; offset: number }): JSX.Element {
  const b = props.block;
  switch (b.type) {
    case 'heading': {
      const tag = `h${Math.max(1, Math.min(6, b.level + props.offset))}`;
      return (
        <Dynamic component={tag}>
          <Inlines nodes={b.children} />
        </Dynamic>
      );
    }
    case 'paragraph':
      return (
        <p>
          <Inlines nodes={b.children} />
        </p>
      );
    case 'list': {
      const items = (
        <For each={b.items}>
          {(item) => (
            <li>
              <Inlines nodes={item.children} />
              <Show when={item.blocks.length > 0}>
                <Blocks blocks={item.blocks} offset={props.offset} />
              </Show>
            </li>
          )}
        </For>
      );
      return b.ordered ? <ol start={b.start === 1 ? undefined : b.start}>{items}</ol> : <ul>{items}</ul>;
    }
    case 'code':
      return (
        // biome-ignore lint/a11y/useSemanticElements: a <pre> keeps its whitespace; the region role lets the label name the scrollable block
        <pre tabindex="0" role="region" aria-label={b.lang ? `${b.lang} code` : 'Code'}>
          <code>{b.text}</code>
        </pre>
      );
    case 'blockquote':
      return (
        <blockquote>
          <Blocks blocks={b.children} offset={props.offset} />
        </blockquote>
      );
    case 'rule':
      return <hr />;
  }
}

function Inlines(props: { nodes: Inline[] }): JSX.Element {
  return <For each={props.nodes}>{(node) => <InlineView node={node} />}</For>;
}

function InlineView(props: { node: Inline }): JSX.Element {
  const n = props.node;
  switch (n.type) {
    case 'text':
      return <>{n.text}</>;
    case 'code':
      return <code>{n.text}</code>;
    case 'break':
      return <br />;
    case 'strong':
      return (
        <strong>
          <Inlines nodes={n.children} />
        </strong>
      );
    case 'em':
      return (
        <em>
          <Inlines nodes={n.children} />
        </em>
      );
    case 'link':
      return (
        <a href={n.href} title={n.title} rel="external noopener noreferrer nofollow">
          <Inlines nodes={n.children} />
        </a>
      );
  }
}
