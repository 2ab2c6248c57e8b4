import type { SupabaseClient } from '@supabase/supabase-js';
import { type Accessor, createEffect, createSignal } from 'solid-js';
import { safeContentUrl } from './safe-url.ts';
import { type CoverSources, coverSources, TOKEN } from './thumbnail-srcset.ts';

/**
 * A course thumbnail the instructor can see before the course is published. Pictures in
 * course-media `<courseId>/public/` are readable anonymously only once the course is published,
 * so for any other course the page asks storage for signed links as the signed-in instructor (who
 * may read their course's media): one per width of a '{w}' URL, and the srcset is built from them.
 */

const BUCKET = 'course-media';
/** Long enough for an editing session; the page signs again when it loads the course again. */
const LINK_SECONDS = 60 * 60;
const OBJECT_ROUTE = '/storage/v1/object/';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The object path in course-media that a thumbnail URL names (absolute or a site path, any of the
 * storage routes `object/`, `object/public/`, `object/authenticated/`; a query such as `?v=` is
 * ignored), with '{w}' kept; null for anything else or a path that is not `<courseId>/...`.
 */
export function courseMediaPath(url: string): string | null {
  const raw = url.trim();
  // The path as written (no URL parser: it would resolve `%2e%2e` and `..` segments first).
  const pathname = raw.replace(/^https?:\/\/[^/?#\\]+(?=\/)/i, '').split(/[?#]/)[0]!;
  if (!pathname.startsWith('/') || pathname.startsWith('//') || pathname.includes('\\')) return null;
  const at = pathname.indexOf(OBJECT_ROUTE);
  if (at < 0) return null;
  let rest = pathname.slice(at + OBJECT_ROUTE.length);
  for (const route of ['public/', 'authenticated/']) if (rest.startsWith(route)) rest = rest.slice(route.length);
  if (!rest.startsWith(`${BUCKET}/`)) return null;
  let segments: string[];
  try {
    segments = rest
      .slice(BUCKET.length + 1)
      .split('/')
      .map(decodeURIComponent);
  } catch {
    return null;
  }
  if (segments.length < 2 || !UUID.test(segments[0]!)) return null;
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('/'))) return null;
  return segments.join('/');
}

type Storage = Pick<SupabaseClient['storage'], 'from'>;

/**
 * Signed image sources for a thumbnail in course-media (see coverSources for the shape); a URL
 * outside course-media as coverSources gives it. Null when storage signs nothing (no access, no
 * such object) or the URL is unusable.
 */
export async function signedCoverSources(
  storage: Storage,
  url: string | null | undefined,
  widths: readonly number[],
): Promise<CoverSources | null> {
  if (!url) return null;
  const path = courseMediaPath(url);
  if (!path) return coverSources(url, widths);
  if (!path.includes(TOKEN)) {
    const { data } = await storage.from(BUCKET).createSignedUrl(path, LINK_SECONDS);
    return data?.signedUrl ? coverSources(data.signedUrl, []) : null;
  }
  const ok = [...new Set(widths.filter((w) => Number.isInteger(w) && w > 0))].sort((a, b) => a - b);
  if (ok.length === 0) return null;
  const paths = ok.map((w) => path.replaceAll(TOKEN, String(w)));
  const { data } = await storage.from(BUCKET).createSignedUrls(paths, LINK_SECONDS);
  const signed = new Map((data ?? []).map((d) => [d.path, d.signedUrl]));
  const links = paths.map((p) => {
    const link = signed.get(p);
    // A srcset entry ends at whitespace and a comma separates entries: both are escaped.
    return link ? (safeContentUrl(link)?.replace(/[\s,]/g, (c) => encodeURIComponent(c)) ?? null) : null;
  });
  if (links.some((l) => l === null)) return null;
  // src: the width nearest 640 px, for browsers without srcset.
  let nearest = 0;
  for (let i = 1; i < ok.length; i++) if (Math.abs(ok[i]! - 640) < Math.abs(ok[nearest]! - 640)) nearest = i;
  return { src: links[nearest]!, srcset: links.map((l, i) => `${l} ${ok[i]}w`).join(', ') };
}

export interface CoverInput {
  url: string | null;
  widths: readonly number[];
  /** Published courses' pictures are public (and cached long): used as they are. */
  published: boolean;
}

/**
 * The sources for a course's thumbnail, signed while the course is not published; null until
 * known (a signal, not a resource: signing never suspends the page around it).
 */
export function createCoverSources(
  supabase: () => Promise<SupabaseClient>,
  input: Accessor<CoverInput>,
): Accessor<CoverSources | null> {
  const [sources, setSources] = createSignal<CoverSources | null>(null);
  let latest = 0;
  createEffect(() => {
    const { url, widths, published } = input();
    const run = ++latest;
    if (published || !url) {
      setSources(coverSources(url, widths));
      return;
    }
    void supabase()
      .then((client) => signedCoverSources(client.storage, url, widths))
      .catch(() => null)
      .then((result) => {
        if (run === latest) setSources(result);
      });
  });
  return sources;
}
