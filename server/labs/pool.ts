import type { LabRunner } from '../../edge/labs/runner.ts';
import { createLabPool } from '../../sandbox/pool.ts';
import type { Env } from '../env.ts';

/**
 * The code-lab runner of the Node host: a pool of sandbox worker processes (sandbox/pool.ts)
 * sized from env. LABS_WORKERS=0 turns labs off (lab runs answer 503 labs_unavailable).
 * The host closes it on shutdown (server/main.ts).
 */
export function createHostLabRunner(
  env: Pick<Env, 'LABS_WORKERS' | 'LABS_MAX_QUEUE' | 'LABS_RATE_BURST' | 'LABS_RATE_PER_SECOND'>,
): LabRunner | undefined {
  if (env.LABS_WORKERS === 0) return undefined;
  return createLabPool({
    workers: env.LABS_WORKERS,
    maxQueue: env.LABS_MAX_QUEUE,
    perUser: { burst: env.LABS_RATE_BURST, perSecond: env.LABS_RATE_PER_SECOND },
  });
}
