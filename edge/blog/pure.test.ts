import { describe, expect, it } from 'vitest';
import { newsletterConfirmMail } from './newsletter-mail.ts';
import { readingMinutes } from './reading-time.ts';
import { newConfirmToken, tokenHash } from './token.ts';

describe('blog helpers', () => {
  it('reading time: 200 words a minute, rounded up, at least one minute', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('   ')).toBe(1);
    expect(readingMinutes('word '.repeat(200))).toBe(1);
    expect(readingMinutes('word '.repeat(201))).toBe(2);
    expect(readingMinutes(`# Title\n\n${'a\tb\n'.repeat(300)}`)).toBe(4);
  });

  it('confirm tokens are 43 base64url characters, stored only as their SHA-256', async () => {
    const a = newConfirmToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newConfirmToken()).not.toBe(a);
    expect(await tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('the confirm mail carries the link, escaped in HTML', () => {
    const mail = newsletterConfirmMail('a@b.test', 'https://x.test/blog/confirm?token=a&b', 'Learn<well>');
    expect(mail).toMatchObject({ to: 'a@b.test', kind: 'newsletter_confirm' });
    expect(mail.text).toContain('https://x.test/blog/confirm?token=a&b');
    expect(mail.html).toContain('href="https://x.test/blog/confirm?token=a&amp;b"');
    expect(mail.html).toContain('Learn&lt;well&gt;');
  });
});
