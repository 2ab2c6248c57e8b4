/**
 * Course thumbnails in the browser: the picked image decoded once (createImageBitmap, EXIF
 * orientation applied), cropped to 16:9 around its centre and drawn at each width of
 * THUMBNAIL_WIDTHS no wider than the source, encoded as WebP (OffscreenCanvas where there is
 * one, else a canvas element). The widths then go to storage as `thumb-<stamp>-<w>.webp`.
 */

export const THUMBNAIL_WIDTHS = [320, 640, 1280] as const;
/** The largest picture we decode (pixels); a bigger one is refused before it fills memory. */
export const MAX_SOURCE_PIXELS = 50_000_000;
const QUALITY = 0.82;

export interface ResizedImage {
  width: number;
  height: number;
  blob: Blob;
}

/** The widths to make for a source `sourceWidth` pixels wide: those not larger than it (the smallest always). */
export function targetWidths(sourceWidth: number, widths: readonly number[] = THUMBNAIL_WIDTHS): number[] {
  const sorted = [...widths].sort((a, b) => a - b);
  const fit = sorted.filter((w) => w <= sourceWidth);
  return fit.length > 0 ? fit : sorted.slice(0, 1);
}

/** The 16:9 crop of a `w`x`h` source, centred: {sx, sy, sw, sh}. */
export function crop16x9(w: number, h: number): { sx: number; sy: number; sw: number; sh: number } {
  if (w / h > 16 / 9) {
    const sw = Math.round((h * 16) / 9);
    return { sx: Math.floor((w - sw) / 2), sy: 0, sw, sh: h };
  }
  const sh = Math.round((w * 9) / 16);
  return { sx: 0, sy: Math.floor((h - sh) / 2), sw: w, sh };
}

/** The object name stem shared by the widths: `<courseId>/public/thumb-<stamp>`. */
export function thumbnailStem(courseId: string, now = Date.now(), random = Math.random): string {
  const suffix = Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `${courseId}/public/thumb-${now.toString(36)}${suffix}`;
}

/**
 * The URL saved on the course: `<project>/storage/v1/object/course-media/<stem>-{w}.<ext>`, as a
 * path when the project is this site (the Node host), so the page works under any host name.
 */
export function thumbnailUrl(projectUrl: string, stem: string, ext: string, origin?: string): string {
  const base = projectUrl.replace(/\/+$/, '');
  let prefix = base;
  try {
    const u = new URL(base);
    if (origin && u.origin === origin) prefix = u.pathname.replace(/\/+$/, '');
  } catch {
    prefix = base;
  }
  return `${prefix}/storage/v1/object/course-media/${stem}-{w}.${ext}`;
}

export class ImageError extends Error {}

/** Decodes `file` and makes one WebP per target width (smallest first). */
export async function resizeToWebp(file: Blob, widths: readonly number[] = THUMBNAIL_WIDTHS): Promise<ResizedImage[]> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new ImageError('That file could not be read as an image. Choose a PNG, JPEG or WebP picture.');
  }
  try {
    if (bitmap.width * bitmap.height > MAX_SOURCE_PIXELS) {
      throw new ImageError('That picture is too large to process. Choose one under 50 megapixels.');
    }
    const box = crop16x9(bitmap.width, bitmap.height);
    const out: ResizedImage[] = [];
    for (const width of targetWidths(box.sw, widths)) {
      const height = Math.round((width * 9) / 16);
      out.push({ width, height, blob: await draw(bitmap, box, width, height) });
    }
    return out;
  } finally {
    bitmap.close();
  }
}

async function draw(
  bitmap: ImageBitmap,
  box: { sx: number; sy: number; sw: number; sh: number },
  width: number,
  height: number,
): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ImageError('This browser cannot resize images.');
    paint(ctx, bitmap, box, width, height);
    return canvas.convertToBlob({ type: 'image/webp', quality: QUALITY });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new ImageError('This browser cannot resize images.');
  paint(ctx, bitmap, box, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new ImageError('The picture could not be encoded.'))),
      'image/webp',
      QUALITY,
    ),
  );
}

function paint(
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D,
  bitmap: ImageBitmap,
  box: { sx: number; sy: number; sw: number; sh: number },
  width: number,
  height: number,
): void {
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, box.sx, box.sy, box.sw, box.sh, 0, 0, width, height);
}
