import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stripeWebhookSecret, WEBHOOK_SECRET_FILE } from './payments-secret.ts';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lms-whsec-'));
  dirs.push(dir);
  return join(dir, 'data');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('stripeWebhookSecret', () => {
  it('uses STRIPE_WEBHOOK_SECRET when set, and writes nothing', () => {
    const DATA_DIR = fresh();
    expect(stripeWebhookSecret({ STRIPE_WEBHOOK_SECRET: 'whsec_from_env', DATA_DIR })).toBe('whsec_from_env');
    expect(() => statSync(DATA_DIR)).toThrow();
  });

  it('requires it with STRIPE_SECRET_KEY: only the endpoint secret verifies Stripe events', () => {
    expect(() => stripeWebhookSecret({ STRIPE_SECRET_KEY: 'sk_test_abc', DATA_DIR: fresh() })).toThrow(
      /STRIPE_WEBHOOK_SECRET is required/,
    );
  });

  it('generates whsec_ + 32 random bytes into DATA_DIR once (0600), and keeps it across starts', () => {
    const DATA_DIR = fresh();
    const secret = stripeWebhookSecret({ DATA_DIR });
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice(6), 'base64url')).toHaveLength(32);
    const path = join(DATA_DIR, WEBHOOK_SECRET_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8').trim()).toBe(secret);
    expect(stripeWebhookSecret({ DATA_DIR })).toBe(secret);
    expect(stripeWebhookSecret({ DATA_DIR: fresh() })).not.toBe(secret);
  });

  it('refuses a file that does not hold a secret rather than replacing it silently', () => {
    const DATA_DIR = fresh();
    stripeWebhookSecret({ DATA_DIR });
    writeFileSync(join(DATA_DIR, WEBHOOK_SECRET_FILE), 'oops');
    expect(() => stripeWebhookSecret({ DATA_DIR })).toThrow(/does not hold a webhook secret/);
  });
});
