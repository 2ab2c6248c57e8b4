import { Show } from 'solid-js';
import { coverColors } from '../lib/placeholder.ts';
import { coverSources } from '../lib/thumbnail-srcset.ts';

/** The width a card's cover takes: a third of the page on wide screens, half, then all of it. */
export const CARD_COVER_SIZES = '(min-width: 72rem) 23rem, (min-width: 36rem) 50vw, 100vw';

/**
 * A course's thumbnail, or a gradient with its initials drawn in CSS (cheap to paint: no image to
 * fetch, parse or decode). Decorative: the title is next to it. Both take a 16:9 box, and the
 * image carries width and height so nothing moves when it arrives. With `thumbnailWidths` the
 * thumbnail's URL holds '{w}' and the browser picks a width (srcset + sizes). Covers load lazily
 * unless `eager` (the first screen: the details page, the first cards).
 */
export function CourseCover(props: {
  slug: string;
  title: string;
  thumbnailUrl: string | null;
  thumbnailWidths?: number[];
  /** The rendered width, for srcset (default: a card's). */
  sizes?: string;
  eager?: boolean;
  class?: string;
}) {
  const sources = () => coverSources(props.thumbnailUrl, props.thumbnailWidths ?? []);
  const colors = () => coverColors(props.slug, props.title);
  return (
    <Show
      when={sources()}
      fallback={
        <div
          class={`cover cover-generated ${props.class ?? ''}`}
          style={{ '--cover-from': colors().from, '--cover-to': colors().to }}
          aria-hidden="true"
        >
          <span>{colors().text}</span>
        </div>
      }
    >
      {(s) => (
        <img
          class={`cover ${props.class ?? ''}`}
          src={s().src}
          srcset={s().srcset}
          sizes={s().srcset ? (props.sizes ?? CARD_COVER_SIZES) : undefined}
          alt=""
          width="320"
          height="180"
          loading={props.eager ? 'eager' : 'lazy'}
          fetchpriority={props.eager ? 'high' : undefined}
          decoding="async"
        />
      )}
    </Show>
  );
}
