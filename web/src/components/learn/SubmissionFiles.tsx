import type { SupabaseClient } from '@supabase/supabase-js';
import { createResource, For, Show } from 'solid-js';
import type { SubmissionFile } from '../../../../edge/api-types.ts';
import { formatBytes, signFileLinks } from '../../lib/assignments-api.ts';
import { useApp } from '../../lib/context.ts';

/**
 * The files of a submission as links signed for the signed-in user (storage's rules decide: the
 * learner, the course's instructor, admins). While signing, or if it fails, the names show as text.
 */
export function SubmissionFiles(props: { files: SubmissionFile[] }) {
  const { supabase } = useApp();
  const [links] = createResource(
    () => props.files.map((f) => f.path),
    async (paths) => {
      if (paths.length === 0) return new Map<string, string>();
      const client: SupabaseClient = await supabase();
      return signFileLinks(client, paths).catch(() => new Map<string, string>());
    },
  );
  return (
    <Show when={props.files.length > 0} fallback={<span class="muted">No files</span>}>
      <ul class="submission-files">
        <For each={props.files}>
          {(f) => (
            <li>
              <Show when={links.latest?.get(f.path)} fallback={<span>{f.name}</span>}>
                {(href) => (
                  <a href={href()} target="_blank" rel="noopener noreferrer" download={f.name}>
                    {f.name}
                  </a>
                )}
              </Show>{' '}
              <span class="muted small">({formatBytes(f.size)})</span>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
