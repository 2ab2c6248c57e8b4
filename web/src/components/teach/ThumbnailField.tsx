import { Show } from 'solid-js';
import { ThumbnailUpload } from '../ThumbnailUpload.tsx';

/** The course thumbnail: the current picture and an upload (resized to a few widths by ThumbnailUpload). */
export function ThumbnailField(props: {
  courseId: string;
  url: string | null;
  widths: number[];
  onUploaded: (url: string, widths: number[]) => void;
}) {
  const preview = () => {
    if (!props.url) return null;
    const w = props.widths[0];
    return w ? props.url.replace('{w}', String(w)) : props.url;
  };
  return (
    <fieldset class="wizard-thumbnail">
      <legend>Thumbnail</legend>
      <Show
        when={preview()}
        fallback={<p class="muted small">No thumbnail yet: the catalog shows generated cover art.</p>}
      >
        {(src) => <img src={src()} alt="The course's current thumbnail" width="160" height="90" />}
      </Show>
      <ThumbnailUpload courseId={props.courseId} onUploaded={props.onUploaded} />
    </fieldset>
  );
}
