import { describe, expect, it } from 'vitest';
import { showDevOutbox } from './dev-outbox.ts';

describe('the dev outbox link', () => {
  it('shows on this machine when the server runs the outbox', () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])
      expect(showDevOutbox({ devOutbox: true }, host), host).toBe(true);
  });

  it('hides on any other host, or when the outbox is off', () => {
    for (const host of ['learnwell.example', '192.168.1.10', 'localhost.example', '127.0.0.1.nip.io']) {
      expect(showDevOutbox({ devOutbox: true }, host), host).toBe(false);
    }
    expect(showDevOutbox({ devOutbox: false }, 'localhost')).toBe(false);
  });
});
