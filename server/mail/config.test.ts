import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnv } from '../env.ts';
import { mailFrom } from './config.ts';
import { UNSUBSCRIBE_SECRET_FILE, unsubscribeSecret } from './secret.ts';
import { readUnsubscribeToken, unsubscribeLink, unsubscribeToken } from './unsubscribe-token.ts';

describe('mail settings', () => {
  it('parses the SMTP variables and refuses a bad one clearly', () => {
    const env = parseEnv({ SMTP_URL: 'smtps://u:p@mail.example:465', MAIL_FROM: 'School <s@example.org>' });
    expect(env).toMatchObject({ SMTP_URL: 'smtps://u:p@mail.example:465', MAIL_FROM: 'School <s@example.org>' });
    expect(() => parseEnv({ SMTP_URL: 'http://mail.example' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    );
    expect(() => parseEnv({ SMTP_PORT: '99999' })).toThrow(/SMTP_PORT/);
    expect(() => parseEnv({ MAIL_UNSUBSCRIBE_SECRET: 'short' })).toThrow(/MAIL_UNSUBSCRIBE_SECRET/);
  });

  it('makes a From address from the platform name and the site host', () => {
    expect(mailFrom({}, 'https://learn.example:8443/x', 'Learn "well"')).toBe('"Learn well" <no-reply@learn.example>');
  });

  it('generates the unsubscribe secret once into the data dir, owner-only', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mail-secret-'));
    try {
      const first = unsubscribeSecret({ DATA_DIR: dir });
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(unsubscribeSecret({ DATA_DIR: dir })).toBe(first);
      expect(readFileSync(join(dir, UNSUBSCRIBE_SECRET_FILE), 'utf8').trim()).toBe(first);
      expect(statSync(join(dir, UNSUBSCRIBE_SECRET_FILE)).mode & 0o077).toBe(0);
      expect(unsubscribeSecret({ DATA_DIR: dir, MAIL_UNSUBSCRIBE_SECRET: 'x'.repeat(32) })).toBe('x'.repeat(32));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('unsubscribe tokens', () => {
  const secret = 's'.repeat(40);
  const user = '00000000-0000-4000-8000-000000000001';

  it('name the user and category, and only the secret makes them', () => {
    const token = unsubscribeToken(secret, user, 'grades');
    expect(readUnsubscribeToken(secret, token)).toEqual({ userId: user, category: 'grades' });
    expect(readUnsubscribeToken('t'.repeat(40), token)).toBeNull();
    expect(readUnsubscribeToken(secret, token.replace('grades', 'all'))).toBeNull();
    expect(readUnsubscribeToken(secret, `${token}.x`)).toBeNull();
    expect(readUnsubscribeToken(secret, unsubscribeToken(secret, 'not-a-uuid', 'grades'))).toBeNull();
    expect(readUnsubscribeToken(secret, null)).toBeNull();
  });

  it('come with RFC 8058 headers', () => {
    const { url, headers } = unsubscribeLink('https://learn.example/', secret, user, 'digest');
    expect(url.startsWith('https://learn.example/api/mail/unsubscribe?t=')).toBe(true);
    expect(headers).toEqual({ 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });
});
