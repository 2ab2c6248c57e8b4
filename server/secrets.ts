import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The JWT secret: JWT_SECRET when set, else one generated on first start and kept in
 * DATA_DIR/secrets.json (mode 0600), so sessions survive restarts.
 */
export function jwtSecret(env: { JWT_SECRET?: string; DATA_DIR: string }): string {
  if (env.JWT_SECRET) return env.JWT_SECRET;
  const dir = resolve(env.DATA_DIR);
  const path = join(dir, 'secrets.json');
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as { jwtSecret?: unknown };
    if (typeof stored.jwtSecret === 'string' && stored.jwtSecret.length >= 32) return stored.jwtSecret;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new Error(`cannot read ${path}: ${(err as Error).message}`);
  }
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(path, JSON.stringify({ jwtSecret: secret }, null, 2), { mode: 0o600 });
  return secret;
}
