import { For, Show } from 'solid-js';
import { materialName } from '../../lib/player.ts';
import type { ResolvedMaterial } from './materials.ts';

const LABELS: Record<string, string> = {
  audio: 'Audio',
  download: 'Download',
  file: 'File',
  captions: 'Captions',
  video: 'Video',
  pdf: 'PDF',
  slides: 'Slides',
  link: 'Link',
};

/** The lesson's attachments and other materials, as links (downloads are saved, links open). */
export function Downloads(props: { items: ResolvedMaterial[] }) {
  return (
    <Show when={props.items.length > 0}>
      <section class="lesson-downloads" aria-labelledby="lesson-downloads-title">
        <h2 id="lesson-downloads-title">Downloads and links</h2>
        <ul class="resource-list">
          <For each={props.items}>
            {(m) => (
              <li>
                <a href={m.href} download={m.type === 'link' ? undefined : materialName(m)} rel="noopener noreferrer">
                  {materialName(m)}
                </a>{' '}
                <span class="small muted">({LABELS[m.type] ?? 'File'})</span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  );
}
