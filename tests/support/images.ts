import type { Page } from 'playwright-core';

/** A 1600 × 1000 PNG (a two-colour gradient) drawn by the page's own canvas: an upload to pick. */
export async function drawPng(page: Page, from = '#1d4ed8', to = '#f59e0b'): Promise<Buffer> {
  return Buffer.from(
    await page.evaluate(
      async ([a, b]) => {
        const canvas = document.createElement('canvas');
        canvas.width = 1600;
        canvas.height = 1000;
        const ctx = canvas.getContext('2d')!;
        const g = ctx.createLinearGradient(0, 0, 1600, 1000);
        g.addColorStop(0, a!);
        g.addColorStop(1, b!);
        ctx.fillStyle = g;
        ctx.fillRect(0, 0, 1600, 1000);
        const blob = await new Promise<Blob>((r) => canvas.toBlob((x) => r(x!), 'image/png'));
        return [...new Uint8Array(await blob.arrayBuffer())];
      },
      [from, to],
    ),
  );
}
