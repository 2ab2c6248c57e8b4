import { describe, expect, it } from 'vitest';
import { isoToLocalInput, localInputToIso, presentNames, sessionHref, sessionPhase } from './sessions-api.ts';

describe('live sessions on the web', () => {
  it('links to a session page', () => {
    expect(sessionHref('html-css-foundations', 'abc')).toBe('/learn/html-css-foundations/sessions/abc');
  });

  it('tells live, upcoming and ended apart', () => {
    const now = new Date('2026-01-01T10:00:00Z');
    expect(sessionPhase({ live: true, status: 'scheduled', endsAt: '2026-01-01T11:00:00.000Z' }, now)).toBe('live');
    expect(sessionPhase({ live: false, status: 'scheduled', endsAt: '2026-01-02T11:00:00.000Z' }, now)).toBe(
      'upcoming',
    );
    expect(sessionPhase({ live: false, status: 'scheduled', endsAt: '2026-01-01T09:00:00.000Z' }, now)).toBe('ended');
    expect(sessionPhase({ live: false, status: 'ended', endsAt: '2026-01-02T11:00:00.000Z' }, now)).toBe('ended');
  });

  it('turns datetime-local values into ISO instants and back', () => {
    const iso = localInputToIso('2026-05-01T17:30');
    expect(iso).toBe(new Date(2026, 4, 1, 17, 30).toISOString());
    expect(isoToLocalInput(iso!)).toBe('2026-05-01T17:30');
    expect(localInputToIso('')).toBeNull();
    expect(localInputToIso('2026-13-45T99:99')).toBeNull();
    expect(localInputToIso('tomorrow')).toBeNull();
  });

  it('lists who is here once per person, by name', () => {
    expect(
      presentNames({
        u2: [{ name: 'Riley Park', presence_ref: '1' }, { name: 'Riley Park' }],
        u1: [{ name: 'Jordan Blake' }],
        u3: [{}],
      }),
    ).toEqual(['Jordan Blake', 'Riley Park', 'Someone']);
  });
});
