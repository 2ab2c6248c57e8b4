import { describe, expect, it } from 'vitest';
import { safeFileName, uniqueName } from './resumable.ts';

describe('safeFileName', () => {
  it('keeps what the file is while dropping what an object name must not hold', () => {
    expect(safeFileName('Lecture 1 – Intro.MP4')).toBe('lecture-1-intro.mp4');
    expect(safeFileName('Zoë Ødegård slides.pdf')).toBe('zoe-degard-slides.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\me\\talk.webm')).toBe('talk.webm');
    expect(safeFileName('.hidden')).toBe('hidden');
    expect(safeFileName('视频.mov')).toBe('file.mov');
    expect(safeFileName('noext')).toBe('noext');
    expect(safeFileName(`${'a'.repeat(300)}.mp4`)).toBe(`${'a'.repeat(80)}.mp4`);
  });
});

describe('uniqueName', () => {
  it('numbers a name that is taken', () => {
    expect(uniqueName('a.mp4', new Set())).toBe('a.mp4');
    expect(uniqueName('a.mp4', new Set(['a.mp4', 'a-2.mp4']))).toBe('a-3.mp4');
    expect(uniqueName('notes', new Set(['notes']))).toBe('notes-2');
  });
});
