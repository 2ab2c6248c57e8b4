/**
 * One live session as an iCalendar file (RFC 5545): a VCALENDAR with one VEVENT, lines ended
 * by CRLF and folded at 75 octets, TEXT values escaped, times in UTC.
 */

export interface IcsEvent {
  /** Becomes the UID `<id>@<host>`. */
  id: string;
  /** The site's host (from configuration), for the UID. */
  host: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** The meeting link ('' for none). */
  url: string;
  /** The course's title, added to the description. */
  courseTitle: string;
  /** DTSTAMP: when the file was made. */
  now: Date;
  /** Cancelled (an ended session stays CONFIRMED: it took place). */
  status?: 'CONFIRMED' | 'CANCELLED';
}

/** 20261126T170000Z */
export function icsDate(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped; other controls dropped. */
export function icsText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

const encoder = new TextEncoder();

/** Folds a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // continuation lines start with one space
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Managers write meeting_url directly (PostgREST): a link holding whitespace or controls is left out. */
const safeUrl = (url: string) => (/^https:\/\/[\x21-\x7e]+$/.test(url) ? url : '');

export function sessionIcs(e: IcsEvent): string {
  const url = safeUrl(e.url);
  const description = [e.description.trim(), `Course: ${e.courseTitle}`, url ? `Join: ${url}` : '']
    .filter(Boolean)
    .join('\n\n');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//LMS//Live sessions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${e.id}@${e.host}`,
    `DTSTAMP:${icsDate(e.now)}`,
    `DTSTART:${icsDate(e.startsAt)}`,
    `DTEND:${icsDate(e.endsAt)}`,
    `SUMMARY:${icsText(e.title)}`,
    `DESCRIPTION:${icsText(description)}`,
    // URL is a URI value, not TEXT: it is not escaped (safeUrl allows printable ASCII only).
    ...(url ? [`URL:${url}`, `LOCATION:${icsText(url)}`] : []),
    `STATUS:${e.status ?? 'CONFIRMED'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}

/** The attachment's file name: the course slug (already [a-z0-9-]) and .ics. */
export const icsFileName = (courseSlug: string) => `${courseSlug}.ics`;
