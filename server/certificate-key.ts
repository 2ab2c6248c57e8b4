import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateSigningJwk, importSigningKey, type SigningKey } from '../edge/certificates/keys.ts';

export const CERTIFICATE_KEY_FILE = 'certificate-signing-key.json';

/**
 * The key that signs certificate credentials: CERTIFICATE_SIGNING_KEY (a private JWK) when set;
 * otherwise one generated on first start into DATA_DIR/certificate-signing-key.json (mode 0600)
 * and kept, so credentials issued before a restart still verify against the published JWKS.
 * Called once at boot.
 */
export async function certificateSigningKey(env: {
  CERTIFICATE_SIGNING_KEY?: string | undefined;
  DATA_DIR: string;
}): Promise<SigningKey> {
  if (env.CERTIFICATE_SIGNING_KEY) return importSigningKey(env.CERTIFICATE_SIGNING_KEY);
  const dir = resolve(env.DATA_DIR);
  const path = join(dir, CERTIFICATE_KEY_FILE);
  const read = async () => {
    try {
      return await importSigningKey(readFileSync(path, 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw err;
      throw new Error(`${path} does not hold a private JWK: delete it to have a new key generated`);
    }
  };
  try {
    return await read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    // 'wx': never replace a key another process wrote meanwhile; then use that one.
    writeFileSync(path, `${JSON.stringify(await generateSigningJwk())}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return read();
}
