import type * as MonacoApi from 'monaco-editor';

/**
 * Monaco for the code labs, loaded on demand: @monaco-editor/loader (a dynamic import, so neither
 * it nor Monaco is in any bundle but the lab workspace's) adds Monaco's AMD loader from this
 * origin, where the build copied the installed monaco-editor (vite.config.ts, `monacoVendor`).
 * No CDN: the editor works offline. The first call starts the download; later calls share it.
 */

export type Monaco = typeof MonacoApi;

/** Where the build puts monaco-editor's min/vs (vite.config.ts serves it there in development too). */
export const MONACO_VS_PATH = '/vendor/monaco/vs';

/** How long the editor may take to load before the page offers a plain text box instead. */
export const MONACO_TIMEOUT_MS = 20_000;

let loading: Promise<Monaco> | undefined;

export function loadMonaco(timeoutMs = MONACO_TIMEOUT_MS): Promise<Monaco> {
  loading ??= import('@monaco-editor/loader').then(({ default: loader }) => {
    loader.config({ paths: { vs: MONACO_VS_PATH } });
    return new Promise<Monaco>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the code editor took too long to load')), timeoutMs);
      loader.init().then(
        (monaco) => {
          clearTimeout(timer);
          resolve(monaco as unknown as Monaco);
        },
        (err: unknown) => {
          clearTimeout(timer);
          reject(err instanceof Error ? err : new Error('the code editor could not load'));
        },
      );
    });
  });
  return loading;
}
