import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

const origin = 'http://localhost:8787';

describe('linkify', () => {
  it('links same-origin URLs and trims sentence punctuation', () => {
    expect(linkify(`Reset here: ${origin}/reset-password?token_hash=abc&type=recovery.`, origin)).toEqual([
      { type: 'text', text: 'Reset here: ' },
      {
        type: 'link',
        href: `${origin}/reset-password?token_hash=abc&type=recovery`,
        text: `${origin}/reset-password?token_hash=abc&type=recovery`,
      },
      { type: 'text', text: '.' },
    ]);
  });

  it('keeps other origins as text', () => {
    expect(linkify('Visit https://evil.example/x now', origin)).toEqual([
      { type: 'text', text: 'Visit https://evil.example/x now' },
    ]);
    expect(linkify('http://localhost:9999/x', origin)).toEqual([{ type: 'text', text: 'http://localhost:9999/x' }]);
  });

  it('treats loopback names as this site, and links on the current origin', () => {
    expect(linkify('http://localhost:8787/reset-password?token_hash=x', 'http://127.0.0.1:8787')).toEqual([
      {
        type: 'link',
        href: 'http://127.0.0.1:8787/reset-password?token_hash=x',
        text: 'http://localhost:8787/reset-password?token_hash=x',
      },
    ]);
    expect(linkify('http://localhost:1/x', 'http://127.0.0.1:8787')[0]!.type).toBe('text');
    expect(linkify('http://localhost.evil.example:8787/x', 'http://127.0.0.1:8787')[0]!.type).toBe('text');
  });

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) data:text/html,x', origin)).toEqual([
      { type: 'text', text: 'javascript:alert(1) data:text/html,x' },
    ]);
  });

  it('handles several links and plain text', () => {
    const segs = linkify(`a ${origin}/one b ${origin}/two`, origin);
    expect(segs.map((s) => s.type)).toEqual(['text', 'link', 'text', 'link']);
    expect(linkify('', origin)).toEqual([]);
  });
});
