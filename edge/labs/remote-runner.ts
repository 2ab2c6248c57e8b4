import { labQueueStats, labRunResult } from '../contract/labs.ts';
import { type LabJob, LabQueueError, type LabQueueStats, type LabRunner, type LabRunResult } from './runner.ts';
import { LABS_RUN_PATH, LABS_STATS_PATH, labQueueErrorBody } from './wire.ts';

/**
 * A LabRunner over HTTP: the Edge Function (Supabase mode) hands jobs to the Node service's pool
 * (server/labs/http.ts) at LABS_URL, with the bearer LABS_TOKEN. fetch only: runs on Deno and
 * Node. Every failure to reach the service, or an answer that is not a valid result, is a
 * LabQueueError('runner_unavailable'): a learner is told to try again, never graded on a guess.
 */

export interface RemoteRunnerOptions {
  /** The Node service's origin, e.g. https://labs.example.org (no trailing path). */
  url: string;
  token: string;
  fetch?: typeof fetch;
  /** How long one run may take end to end, queue wait included (default 60 s). */
  timeoutMs?: number;
}

const EMPTY_STATS: LabQueueStats = {
  workers: 0,
  busy: 0,
  queued: 0,
  maxQueue: 0,
  completed: 0,
  crashed: 0,
  restarts: 0,
  rejected: 0,
  recent: [],
};

const unavailable = (why: string) =>
  new LabQueueError('runner_unavailable', `the lab runner is unavailable (${why})`, 5);

export function remoteLabRunner(options: RemoteRunnerOptions): LabRunner {
  const base = options.url.replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const headers = { authorization: `Bearer ${options.token}` };
  let last: LabQueueStats = EMPTY_STATS;

  async function call(path: string, init: RequestInit, timeout: number): Promise<Response> {
    try {
      return await doFetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(timeout) });
    } catch (err) {
      throw unavailable(err instanceof Error && err.name === 'TimeoutError' ? 'timed out' : 'unreachable');
    }
  }

  async function refusal(res: Response): Promise<LabQueueError> {
    const body = labQueueErrorBody.safeParse(await res.json().catch(() => null));
    if ((res.status === 429 || res.status === 503) && body.success) {
      const retry = Number(res.headers.get('retry-after'));
      return new LabQueueError(body.data.error.code, body.data.error.message, retry > 0 ? retry : 1);
    }
    return unavailable(`status ${res.status}`);
  }

  const runner: LabRunner = {
    async run(job: LabJob): Promise<LabRunResult> {
      const res = await call(
        LABS_RUN_PATH,
        { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(job) },
        timeoutMs,
      );
      if (!res.ok) throw await refusal(res);
      const parsed = labRunResult.safeParse(await res.json().catch(() => null));
      if (!parsed.success) throw unavailable('invalid answer');
      return parsed.data;
    },
    stats: () => last,
    async statsNow(): Promise<LabQueueStats> {
      const res = await call(LABS_STATS_PATH, { headers }, 5_000);
      if (!res.ok) throw await refusal(res);
      const parsed = labQueueStats.safeParse(await res.json().catch(() => null));
      if (!parsed.success) throw unavailable('invalid answer');
      last = parsed.data;
      return last;
    },
    close: async () => {},
  };
  return runner;
}
