import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../edge/api-types.ts';
import { addNotification, bellLabel, isSitePath, markedRead, toNotification } from './notifications.ts';

const n = (id: string, readAt: string | null = null): Notification => ({
  id,
  kind: 'system',
  title: `Note ${id}`,
  body: '',
  link: null,
  createdAt: '2026-11-23T12:00:00.000Z',
  readAt,
});

describe('toNotification', () => {
  const payload = {
    id: 'a1',
    kind: 'enrollment',
    title: 'Welcome to Intro to HTML',
    body: 'You are enrolled.',
    link: '/learn/intro-to-html',
    createdAt: '2026-11-23T12:00:00.000Z',
    readAt: null,
  };

  it('takes the payload the database trigger broadcasts', () => {
    expect(toNotification(payload)).toEqual(payload);
    expect(toNotification({ ...payload, link: null, body: undefined })).toEqual({ ...payload, link: null, body: '' });
    // The live cohorts' kinds too: an answer to your question, a session starting.
    for (const kind of ['question_answered', 'session_starting'] as const) {
      expect(toNotification({ ...payload, kind })).toEqual({ ...payload, kind });
    }
  });

  it('refuses anything else, and links off this site', () => {
    for (const bad of [
      null,
      'text',
      { ...payload, id: 1 },
      { ...payload, kind: 'shout' },
      { ...payload, title: undefined },
      { ...payload, link: 'https://evil.example/' },
      { ...payload, link: '//evil.example/' },
      { ...payload, link: '/\\evil.example/' },
      { ...payload, link: 'javascript:alert(1)' },
      { ...payload, readAt: 5 },
    ]) {
      expect(toNotification(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('knows a site path', () => {
    expect(['/', '/learn/x', '/courses?x=1'].every(isSitePath)).toBe(true);
    expect(['', 'learn', '//x', '/\\x', 'http://x/'].some(isSitePath)).toBe(false);
  });
});

describe('the list', () => {
  it('puts a new notification first, once, and keeps at most the limit', () => {
    const list = [n('b'), n('a')];
    expect(addNotification(list, n('c')).map((x) => x.id)).toEqual(['c', 'b', 'a']);
    expect(addNotification(list, n('b')).map((x) => x.id)).toEqual(['b', 'a']);
    expect(addNotification(list, n('c'), 2).map((x) => x.id)).toEqual(['c', 'b']);
  });

  it('marks some or all read, leaving read ones as they were', () => {
    const list = [n('a'), n('b', '2026-01-01T00:00:00.000Z'), n('c')];
    const at = '2026-11-23T13:00:00.000Z';
    expect(markedRead(list, ['a'], at).map((x) => x.readAt)).toEqual([at, '2026-01-01T00:00:00.000Z', null]);
    expect(markedRead(list, null, at).map((x) => x.readAt)).toEqual([at, '2026-01-01T00:00:00.000Z', at]);
  });

  it('names the bell with its unread count', () => {
    expect(bellLabel(0)).toBe('Notifications');
    expect(bellLabel(3)).toBe('Notifications, 3 unread');
  });
});
