import { describe, expect, it } from 'vitest';
import { emitSessionBan, onSessionBan, type SessionBanEvent, toSessionBan } from './user-events.ts';

describe('session_ban events from user:<uid>', () => {
  it('reads only well-formed payloads', () => {
    expect(toSessionBan({ sessionId: 's1', banned: true })).toEqual({ sessionId: 's1', banned: true });
    for (const bad of [null, 'x', {}, { sessionId: 1, banned: true }, { sessionId: 's', banned: 'yes' }]) {
      expect(toSessionBan(bad)).toBeNull();
    }
  });

  it('reaches every listener until it stops listening, and drops malformed ones', () => {
    const seen: SessionBanEvent[] = [];
    const stop = onSessionBan((e) => seen.push(e));
    emitSessionBan({ sessionId: 's1', banned: true });
    emitSessionBan({ sessionId: 's1' });
    stop();
    emitSessionBan({ sessionId: 's1', banned: false });
    expect(seen).toEqual([{ sessionId: 's1', banned: true }]);
  });
});
