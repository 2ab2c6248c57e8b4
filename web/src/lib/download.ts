import { type Api, ApiError, NETWORK_ERROR } from './api.ts';

/**
 * Fetches a file with the user's token and hands it to the browser to save. A failed answer
 * becomes an ApiError whose message `failure` picks from the error code and HTTP status.
 */
export async function downloadFile(
  api: Api,
  path: string,
  fileName: string,
  failure: (code: string, status: number) => string,
): Promise<void> {
  const token = await api.accessToken();
  let res: Response;
  try {
    res = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'network', NETWORK_ERROR);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    const code = body?.error?.code ?? `http_${res.status}`;
    throw new ApiError(res.status, code, failure(code, res.status));
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const DOWNLOAD_FAILED = 'The download failed. Please try again.';
