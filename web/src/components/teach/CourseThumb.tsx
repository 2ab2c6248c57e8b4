import { Show } from 'solid-js';
import type { CourseStatus } from '../../../../edge/api-types.ts';
import { useApp } from '../../lib/context.ts';
import { createCoverSources } from '../../lib/draft-cover.ts';

/**
 * A small course thumbnail for the teaching dashboard: signed links while the course is not
 * published (lib/draft-cover.ts), nothing when the course has no thumbnail.
 */
export function CourseThumb(props: { url: string | null; widths: number[]; status: CourseStatus }) {
  const { supabase } = useApp();
  const sources = createCoverSources(supabase, () => ({
    url: props.url,
    widths: props.widths,
    published: props.status === 'published',
  }));
  return (
    <Show when={sources()}>
      {(s) => (
        <img
          class="teach-course-thumb"
          src={s().src}
          srcset={s().srcset}
          sizes={s().srcset ? '96px' : undefined}
          alt=""
          width="96"
          height="54"
          loading="lazy"
        />
      )}
    </Show>
  );
}
