import { PDFDocument, StandardFonts } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CanEncode, toWinAnsi, wrapText } from './text.ts';

let canEncode: CanEncode;
beforeAll(async () => {
  const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
  const charset = new Set(font.getCharacterSet());
  canEncode = (cp) => charset.has(cp);
});

describe('toWinAnsi', () => {
  it('keeps what Helvetica draws', () => {
    expect(toWinAnsi('Zoë Ødegård', canEncode)).toBe('Zoë Ødegård');
    expect(toWinAnsi('Straße, façade, œuvre, €12 — “quoted” …', canEncode)).toBe(
      'Straße, façade, œuvre, €12 — “quoted” …',
    );
  });

  it('composes decomposed letters first', () => {
    expect(toWinAnsi('Zoe\u0308 O\u0308zil', canEncode)).toBe('Zoë Özil');
  });

  it('folds letters WinAnsi lacks to their plain form', () => {
    expect(toWinAnsi('Łukasz Wałęsa', canEncode)).toBe('Lukasz Walesa');
    expect(toWinAnsi('Erdős, Ștefan, Dvořák', canEncode)).toBe('Erdos, Stefan, Dvorák');
    expect(toWinAnsi('ﬁnance − 5', canEncode)).toBe('finance - 5');
  });

  it('replaces what it cannot draw with one "?" per character as seen', () => {
    expect(toWinAnsi('张伟', canEncode)).toBe('??');
    expect(toWinAnsi('Great course 👍🏽 👨‍👩‍👧!', canEncode)).toBe('Great course ? ?!');
    expect(toWinAnsi('Привет', canEncode)).toBe('??????');
  });

  it('turns line breaks, tabs and odd spaces into single spaces and drops other controls', () => {
    expect(toWinAnsi('one\ntwo\r\nthree\tfour\u2028five\u00a0six\u202fseven', canEncode)).toBe(
      'one two three four five six seven',
    );
    expect(toWinAnsi('a\u0000b\u0007c\u001b[31md\u007f', canEncode)).toBe('abc[31md');
    expect(toWinAnsi('\u202eevil\u202c \u200bzero\u200dwidth\ufeff', canEncode)).toBe('evil zerowidth');
    expect(toWinAnsi('   \n\t  ', canEncode)).toBe('');
  });

  it('cuts at a maximum length with an ellipsis', () => {
    expect(toWinAnsi('x'.repeat(50), canEncode, 10)).toBe(`${'x'.repeat(9)}…`);
    expect(toWinAnsi('short', canEncode, 10)).toBe('short');
    expect(toWinAnsi('张伟 🙂\n\u0000'.repeat(2_000_000), canEncode, 100)).toHaveLength(100);
  });

  it('takes anything, and the result always encodes', () => {
    expect(toWinAnsi(undefined, canEncode)).toBe('');
    expect(toWinAnsi(null, canEncode)).toBe('');
    expect(toWinAnsi(42, canEncode)).toBe('42');
    const wild = Array.from({ length: 2000 }, (_, i) => String.fromCodePoint((i * 7919) % 0x2ffff)).join('');
    for (const ch of toWinAnsi(wild, canEncode)) expect(canEncode(ch.codePointAt(0)!)).toBe(true);
  });
});

describe('wrapText', () => {
  const width = (s: string) => s.length; // one unit per character

  it('breaks between words', () => {
    expect(wrapText('the quick brown fox jumps', 10, width)).toEqual(['the quick', 'brown fox', 'jumps']);
  });

  it('splits a word longer than the width', () => {
    expect(wrapText('a abcdefghijklmnopqrstuvwxy z', 10, width)).toEqual(['a', 'abcdefghij', 'klmnopqrst', 'uvwxy z']);
  });

  it('gives one empty line for empty text', () => {
    expect(wrapText('', 10, width)).toEqual(['']);
  });

  it('never gives a line wider than the width (when a character fits)', () => {
    const text = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor'.repeat(5);
    for (const line of wrapText(text, 13, width)) expect(line.length).toBeLessThanOrEqual(13);
  });
});
