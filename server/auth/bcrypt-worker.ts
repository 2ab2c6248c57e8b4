import { parentPort } from 'node:worker_threads';
import bcrypt from 'bcryptjs';

/**
 * One bcrypt job at a time, off the main thread (see bcrypt-pool.ts). Plain Node runs this
 * file (type stripping), so it uses erasable TypeScript only.
 */

export type BcryptJob =
  | { op: 'hash'; password: string; cost: number }
  | { op: 'compare'; password: string; hash: string };
export type BcryptResult = { value: string | boolean } | { error: string };

parentPort?.on('message', (job: BcryptJob) => {
  let result: BcryptResult;
  try {
    result = {
      value: job.op === 'hash' ? bcrypt.hashSync(job.password, job.cost) : bcrypt.compareSync(job.password, job.hash),
    };
  } catch (err) {
    result = { error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(result);
});
