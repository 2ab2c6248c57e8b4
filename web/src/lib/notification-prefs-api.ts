import type {
  DigestFrequency,
  NotificationCategory,
  NotificationPreferences,
  NotificationPreferencesUpdate,
} from '../../../edge/api-types.ts';
import type { Api } from './api.ts';

/** The caller's notification preferences (GET/PUT /api/me/notification-preferences, docs/notifications.md). */
export function notificationPrefsApi(api: Api) {
  const path = '/api/me/notification-preferences';
  return {
    get: () => api.getJson<NotificationPreferences>(path),
    save: (update: NotificationPreferencesUpdate) =>
      api.send<NotificationPreferences>(path, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(update),
      }),
  };
}

/** What each category is, in words, and whether its bell notices can be turned off. */
export const CATEGORY_TEXT: Record<NotificationCategory, { label: string; hint: string; bellFixed?: boolean }> = {
  learning: { label: 'Learning', hint: 'Enrollments, completed courses and certificates' },
  grades: { label: 'Grades', hint: 'An assignment of yours is graded' },
  live: { label: 'Live sessions', hint: 'Sessions about to start or changed, answers to your questions' },
  announcements: { label: 'Announcements', hint: 'News from your courses and the platform' },
  account: {
    label: 'Account',
    hint: 'Payments, refunds, course reviews. Always shown in the bell: these can be about your security.',
    bellFixed: true,
  },
};

export const DIGEST_OPTIONS: readonly { value: DigestFrequency; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
];
