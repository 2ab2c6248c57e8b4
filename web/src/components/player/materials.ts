import { createResource } from 'solid-js';
import type { ContentEntry } from '../../../../edge/api-types.ts';
import { useApp } from '../../lib/context.ts';
import { storagePath } from '../../lib/player.ts';
import { safeContentUrl } from '../../lib/safe-url.ts';

const BUCKET = 'course-media';
/** How long a signed link to a lesson's file stays valid (a long video is watched in one go). */
const LINK_SECONDS = 4 * 60 * 60;

export type ResolvedMaterial = ContentEntry & { href: string };

/**
 * The lesson's materials with links the browser can open: http(s) and site paths as they are,
 * files in the course-media bucket as signed URLs (storage checks the learner may read them).
 * Anything else is dropped.
 */
export function useMaterials(entries: () => ContentEntry[]) {
  const { supabase } = useApp();
  const [resolved] = createResource(entries, async (list): Promise<ResolvedMaterial[]> => {
    const paths = list.map((e) => storagePath(e.url)).filter((p): p is string => p !== null);
    const signed = new Map<string, string>();
    if (paths.length > 0) {
      const { data } = await (await supabase()).storage.from(BUCKET).createSignedUrls(paths, LINK_SECONDS);
      for (const d of data ?? []) if (d.path && d.signedUrl) signed.set(d.path, d.signedUrl);
    }
    const out: ResolvedMaterial[] = [];
    for (const e of list) {
      const path = storagePath(e.url);
      const href = path ? (signed.get(path) ?? null) : safeContentUrl(e.url);
      if (href) out.push({ ...e, href });
    }
    return out;
  });
  return resolved;
}
