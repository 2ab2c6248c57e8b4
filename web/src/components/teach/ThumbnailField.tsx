import { Show } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { createCoverSources } from '../../lib/draft-cover.ts';
import { ThumbnailUpload } from '../ThumbnailUpload.tsx';

/**
 * The course thumbnail: the current picture (through signed links while the course is not
 * published, lib/draft-cover.ts) and an upload (resized to a few widths by ThumbnailUpload).
 */
export function ThumbnailField(props: {
  courseId: string;
  url: string | null;
  widths: number[];
  published: boolean;
  onUploaded: (url: string, widths: number[]) => void;
}) {
  const { supabase } = useApp();
  const sources = createCoverSources(supabase, () => ({
    url: props.url,
    widths: props.widths,
    published: props.published,
  }));
  return (
    <fieldset class="wizard-thumbnail">
      <legend>Thumbnail</legend>
      <Show
        when={props.url}
        fallback={<p class="muted small">No thumbnail yet: the catalog shows generated cover art.</p>}
      >
        <Show when={sources()}>
          {(s) => (
            <img
              class="wizard-thumbnail-current"
              src={s().src}
              srcset={s().srcset}
              sizes={s().srcset ? '160px' : undefined}
              alt="The course's current thumbnail"
              width="160"
              height="90"
            />
          )}
        </Show>
      </Show>
      <ThumbnailUpload courseId={props.courseId} onUploaded={props.onUploaded} />
    </fieldset>
  );
}
