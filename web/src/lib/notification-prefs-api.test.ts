import { describe, expect, it } from 'vitest';
import { ESSENTIAL_IN_APP, NOTIFICATION_CATEGORIES } from '../../../edge/contract/notifications.ts';
import { CATEGORY_TEXT, DIGEST_OPTIONS } from './notification-prefs-api.ts';

describe('the notification settings page texts', () => {
  it('names every category the API knows, and fixes the bell of the essential ones only', () => {
    expect(Object.keys(CATEGORY_TEXT).sort()).toEqual([...NOTIFICATION_CATEGORIES].sort());
    const fixed = Object.entries(CATEGORY_TEXT)
      .filter(([, t]) => t.bellFixed)
      .map(([c]) => c);
    expect(fixed).toEqual([...ESSENTIAL_IN_APP]);
  });

  it('offers the three digest frequencies', () => {
    expect(DIGEST_OPTIONS.map((o) => o.value)).toEqual(['off', 'daily', 'weekly']);
  });
});
