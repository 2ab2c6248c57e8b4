import type { NotificationPreferences, NotificationPreferencesUpdate } from '../api-types.ts';
import {
  EMAIL_DEFAULTS,
  ESSENTIAL_IN_APP,
  NOTIFICATION_CATEGORIES,
  type NotificationCategory,
  notificationCategory,
} from '../contract/notifications.ts';
import type { Sql } from '../db/port.ts';
import { AppError } from '../http/errors.ts';

/**
 * The caller's notification preferences (docs/notifications.md): every category with the
 * defaults filled in where they never chose, the digest and the essential-only switch. RLS keeps
 * every read and write to the caller's own rows.
 */
export async function readPreferences(sql: Sql, userId: string): Promise<NotificationPreferences> {
  const rows = await sql.query<{ category: NotificationCategory; in_app: boolean; email: boolean }>(
    'select category, in_app, email from public.notification_preferences where user_id = $1',
    [userId],
  );
  const [settings] = await sql.query<{ digest: NotificationPreferences['digest']; essential_only: boolean }>(
    'select digest, essential_only from public.notification_settings where user_id = $1',
    [userId],
  );
  const chosen = new Map(rows.map((r) => [r.category, r]));
  return {
    categories: NOTIFICATION_CATEGORIES.map((category) => {
      const row = chosen.get(category);
      return { category, inApp: row?.in_app ?? true, email: row?.email ?? EMAIL_DEFAULTS[category] };
    }),
    digest: settings?.digest ?? 'off',
    essentialOnly: settings?.essential_only ?? false,
  };
}

const unprocessable = (code: string, message: string, path: string) =>
  new AppError(422, code, message, [{ path, message }]);

/** The categories of an update, checked: known, each once, the account bell left on (422 otherwise). */
function checkedCategories(update: NotificationPreferencesUpdate) {
  const seen = new Set<string>();
  return (update.categories ?? []).map((c, i) => {
    const path = `categories.${i}.category`;
    const category = notificationCategory.safeParse(c.category);
    if (!category.success) {
      throw unprocessable('unknown_category', `unknown notification category "${c.category}"`, path);
    }
    if (seen.has(category.data)) throw unprocessable('duplicate_category', `"${c.category}" is listed twice`, path);
    seen.add(category.data);
    if (!c.inApp && ESSENTIAL_IN_APP.includes(category.data)) {
      throw unprocessable('essential_in_app', 'account notices always show in the bell', `categories.${i}.inApp`);
    }
    return { category: category.data, inApp: c.inApp, email: c.email };
  });
}

/** Saves an update (categories given, digest and switch when given) and returns the result. */
export async function savePreferences(
  sql: Sql,
  userId: string,
  update: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  const categories = checkedCategories(update);
  if (categories.length > 0) {
    await sql.query(
      `insert into public.notification_preferences (user_id, category, in_app, email)
       select $1, c.category, c.in_app, c.email
       from unnest($2::text[], $3::boolean[], $4::boolean[]) as c(category, in_app, email)
       on conflict (user_id, category) do update set in_app = excluded.in_app, email = excluded.email
       where (notification_preferences.in_app, notification_preferences.email)
             is distinct from (excluded.in_app, excluded.email)`,
      [userId, categories.map((c) => c.category), categories.map((c) => c.inApp), categories.map((c) => c.email)],
    );
  }
  if (update.digest !== undefined || update.essentialOnly !== undefined) {
    await sql.query(
      `insert into public.notification_settings (user_id, digest, essential_only)
       values ($1, coalesce($2, 'off'), coalesce($3, false))
       on conflict (user_id) do update set
         digest = coalesce($2, notification_settings.digest),
         essential_only = coalesce($3, notification_settings.essential_only)`,
      [userId, update.digest ?? null, update.essentialOnly ?? null],
    );
  }
  return readPreferences(sql, userId);
}
