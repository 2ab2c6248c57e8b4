import { safeContentUrl } from './safe-url.ts';

/**
 * A course thumbnail's image sources. With widths, the URL holds the token '{w}' and one image
 * exists per width (courses.thumbnail_widths): srcset lists each (`<url with w> <w>w`) and src is
 * the one nearest 640 px, for browsers without srcset. Without widths the URL is the image. A URL
 * that is not http(s) or a local path, or a '{w}' URL without widths, gives null (the CSS cover).
 */
export interface CoverSources {
  src: string;
  srcset?: string;
}

export const TOKEN = '{w}';

export function coverSources(url: string | null | undefined, widths: readonly number[]): CoverSources | null {
  if (!url) return null;
  const ok = [...new Set(widths.filter((w) => Number.isInteger(w) && w > 0))].sort((a, b) => a - b);
  if (!url.includes(TOKEN)) return plain(url);
  if (ok.length === 0) return null;
  // A srcset entry ends at whitespace and a comma separates entries: both are escaped in the URL.
  const at = (w: number) =>
    safeContentUrl(url.replaceAll(TOKEN, String(w)))?.replace(/[\s,]/g, (c) => encodeURIComponent(c)) ?? null;
  const entries: string[] = [];
  for (const w of ok) {
    const u = at(w);
    if (!u) return null;
    entries.push(`${u} ${w}w`);
  }
  const fallback = ok.reduce((best, w) => (Math.abs(w - 640) < Math.abs(best - 640) ? w : best), ok[0]!);
  return { src: at(fallback)!, srcset: entries.join(', ') };
}

function plain(url: string): CoverSources | null {
  const src = safeContentUrl(url);
  return src ? { src } : null;
}
