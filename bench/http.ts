/**
 * Load over plain HTTP with autocannon: `connections` clients, each sending its next request as
 * soon as the previous answer arrives, for `seconds` (after an unmeasured warm-up). Latencies
 * are taken from every answer (autocannon's own histogram keeps whole milliseconds only).
 */
import autocannon from 'autocannon';
import { type Measure, summarise } from './stats.ts';

export interface HttpTarget {
  /** Request paths, cycled by every connection (several search terms, several courses). */
  paths: string[];
  headers?: Record<string, string>;
  /** The status every answer must have; anything else counts as a failure. */
  status?: number;
  /** 'GET' unless set. */
  method?: 'GET' | 'POST';
  /** Request bodies, cycled with the paths (request i: paths[i % paths.length], bodies[i]). */
  bodies?: string[];
  /** Replace `[<id>]` in every request with a new unique id (autocannon's idReplacement): one idempotency key per request. */
  idReplacement?: boolean;
}

const requests = (t: HttpTarget) =>
  t.bodies
    ? t.bodies.map((body, i) => ({
        method: t.method ?? 'POST',
        path: t.paths[i % t.paths.length]!,
        headers: t.headers ?? {},
        body,
      }))
    : t.paths.map((path) => ({ method: t.method ?? 'GET', path, headers: t.headers ?? {} }));

async function run(base: string, target: HttpTarget, seconds: number, connections: number, samples: number[] | null) {
  let failures = 0;
  // Without a callback autocannon returns its event emitter made thenable (the types know one or the other).
  const instance = autocannon({
    url: `${base}${target.paths[0]}`,
    connections,
    duration: seconds,
    requests: requests(target),
    idReplacement: target.idReplacement ?? false,
  }) as unknown as autocannon.Instance & Promise<autocannon.Result>;
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode !== (target.status ?? 200)) failures++;
    else samples?.push(responseTime);
  });
  const result = await instance;
  return { failures: failures + result.errors + result.timeouts, ms: result.duration * 1000 };
}

export async function loadHttp(
  base: string,
  target: HttpTarget,
  { seconds = 5, connections = 10, warmupSeconds = 1 } = {},
): Promise<Measure> {
  if (warmupSeconds > 0) await run(base, target, warmupSeconds, connections, null);
  const samples: number[] = [];
  const { failures, ms } = await run(base, target, seconds, connections, samples);
  return { ...summarise(samples, ms), failures };
}
