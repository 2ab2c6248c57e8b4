import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const WEBHOOK_SECRET_FILE = 'stripe-webhook-secret';
const WELL_FORMED = /^whsec_[A-Za-z0-9_-]{32,}$/;

/**
 * The webhook signing secret: STRIPE_WEBHOOK_SECRET when set; with Stripe (STRIPE_SECRET_KEY) it
 * must be set, since only Stripe's own secret verifies Stripe's events. Otherwise (the local
 * provider, which signs its own events) one generated on first start into
 * DATA_DIR/stripe-webhook-secret (mode 0600): `whsec_` + 32 random bytes, base64url. Called once at boot.
 */
export function stripeWebhookSecret(env: {
  STRIPE_WEBHOOK_SECRET?: string;
  STRIPE_SECRET_KEY?: string;
  DATA_DIR: string;
}): string {
  if (env.STRIPE_WEBHOOK_SECRET) return env.STRIPE_WEBHOOK_SECRET;
  if (env.STRIPE_SECRET_KEY) {
    throw new Error(
      'STRIPE_WEBHOOK_SECRET is required with STRIPE_SECRET_KEY: the signing secret of your webhook endpoint (or the one `stripe listen` prints)',
    );
  }
  const dir = resolve(env.DATA_DIR);
  const path = join(dir, WEBHOOK_SECRET_FILE);
  const read = () => {
    const stored = readFileSync(path, 'utf8').trim();
    if (!WELL_FORMED.test(stored)) {
      throw new Error(`${path} does not hold a webhook secret (whsec_...): delete it to have a new one generated`);
    }
    return stored;
  };
  try {
    return read();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  try {
    // 'wx': never replace a secret another process wrote meanwhile; then use that one.
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return read();
    throw err;
  }
  return secret;
}
