import { describe, expect, it } from 'vitest';
import { foldLine, icsDate, icsText, sessionIcs } from './ics.ts';
import { jitsiRoomUrl, randomBase32 } from './jitsi.ts';

describe('the .ics file of a live session', () => {
  const event = {
    id: '60000000-0000-4000-8000-000000000001',
    host: 'lms.example',
    title: 'Office hours; Q&A, live',
    description: 'Bring questions.\nLine two \\ done',
    startsAt: new Date('2026-12-01T17:00:00.000Z'),
    endsAt: new Date('2026-12-01T18:30:00.000Z'),
    url: 'https://meet.jit.si/intro-to-html-abcdefghijkl',
    courseTitle: 'Intro to HTML',
    now: new Date('2026-11-26T09:08:07.123Z'),
  };

  it('is one VEVENT with CRLF lines, a UID on the site host and UTC times', () => {
    const text = sessionIcs(event);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain(`UID:${event.id}@lms.example`);
    expect(lines).toContain('DTSTART:20261201T170000Z');
    expect(lines).toContain('DTEND:20261201T183000Z');
    expect(lines).toContain('DTSTAMP:20261126T090807Z');
    expect(lines).toContain('SUMMARY:Office hours\\; Q&A\\, live');
    expect(lines).toContain(`URL:${event.url}`);
    expect(lines.at(-2)).toBe('END:VCALENDAR');
    // Unfolded, the description holds the text, the course and the link, escaped.
    const unfolded = text.replaceAll('\r\n ', '');
    expect(unfolded).toContain(
      `DESCRIPTION:Bring questions.\\nLine two \\\\ done\\n\\nCourse: Intro to HTML\\n\\nJoin: ${event.url}\r\n`,
    );
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldLine(line);
    for (const part of folded.split('\r\n')) expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    expect(folded.replaceAll('\r\n ', '')).toBe(line);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });

  it('escapes TEXT values and drops control characters', () => {
    expect(icsText('a,b;c\\d\r\ne\u0007')).toBe('a\\,b\\;c\\\\d\\ne');
    expect(icsDate(new Date('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z');
  });

  it('leaves out a meeting link that is not a clean https URL', () => {
    const text = sessionIcs({ ...event, url: 'https://x.test/a\r\nATTENDEE:evil' });
    expect(text).not.toContain('URL:');
    expect(text).not.toContain('\r\nATTENDEE');
    expect(sessionIcs({ ...event, url: '' })).not.toContain('URL:');
  });
});

describe('Jitsi rooms', () => {
  it('are the course slug and 12 random base32 characters', () => {
    expect(jitsiRoomUrl('intro-to-html')).toMatch(/^https:\/\/meet\.jit\.si\/intro-to-html-[a-z2-7]{12}$/);
    expect(jitsiRoomUrl('x', () => 'abc')).toBe('https://meet.jit.si/x-abc');
    expect(new Set(Array.from({ length: 50 }, () => randomBase32(12))).size).toBe(50);
  });
});
