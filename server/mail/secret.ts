import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const UNSUBSCRIBE_SECRET_FILE = 'mail-unsubscribe-secret';

/**
 * The key unsubscribe links are signed with: MAIL_UNSUBSCRIBE_SECRET when set, else one generated
 * on first start into DATA_DIR/mail-unsubscribe-secret (mode 0600), so links in mail already sent
 * keep working across restarts. Called once at boot.
 */
export function unsubscribeSecret(env: { MAIL_UNSUBSCRIBE_SECRET?: string; DATA_DIR: string }): string {
  if (env.MAIL_UNSUBSCRIBE_SECRET) return env.MAIL_UNSUBSCRIBE_SECRET;
  const dir = resolve(env.DATA_DIR);
  const path = join(dir, UNSUBSCRIBE_SECRET_FILE);
  const read = () => {
    const stored = readFileSync(path, 'utf8').trim();
    if (stored.length < 32) throw new Error(`${path} does not hold a secret: delete it to have a new one generated`);
    return stored;
  };
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': never replace a secret another process wrote meanwhile; then use that one.
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return read();
    throw err;
  }
  return secret;
}
