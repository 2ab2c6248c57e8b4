import type { Difficulty, LessonType, Money } from '../../../edge/api-types.ts';

const LOCALE = 'en-US';

/**
 * Formats integer minor units ("4900" USD) as a price ("$49.00"). A zero amount is "Free".
 * The number of minor digits comes from the currency (JPY has none, USD two).
 */
export function formatMoney(money: Money, locale = LOCALE): string {
  if (money.amount === 0) return 'Free';
  // The common case without Intl: a page's first Intl.NumberFormat costs 50 ms and more on a phone.
  const symbol = PLAIN_CURRENCIES[money.currency];
  if (locale === LOCALE && symbol && Number.isSafeInteger(money.amount) && money.amount > 0) {
    return `${symbol}${formatCount(Math.floor(money.amount / 100))}.${String(money.amount % 100).padStart(2, '0')}`;
  }
  try {
    const fmt = new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency });
    const digits = fmt.resolvedOptions().maximumFractionDigits ?? 2;
    return fmt.format(money.amount / 10 ** digits);
  } catch {
    // Unknown currency code: fall back to two decimals and the raw code.
    return `${(money.amount / 100).toFixed(2)} ${money.currency}`;
  }
}

/** Currencies en-US writes as symbol + amount with two minor digits, as Intl does ("$1,234.50"). */
const PLAIN_CURRENCIES: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };

/** An integer with en-US digit grouping ("18,421"), without Intl (see formatMoney). */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString(LOCALE);
  return (n < 0 ? '-' : '') + String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}

/** "45 min", "2 h", "3 h 5 min". */
export function formatDuration(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  const rest = m % 60;
  return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * One Intl.DateTimeFormat per locale and options: making one costs about a millisecond (more on a
 * phone), and a page of cards formats dozens of dates.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let fmt = dateFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, fmt);
  }
  return fmt;
}

/** "Nov 3, 2026" (en-US, medium) without Intl, as formatMoney does for the common currencies. */
const mediumDay = (year: number, month: number, day: number) => `${MONTHS[month]} ${day}, ${year}`;

export function formatDate(iso: string, locale = LOCALE): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  if (locale === LOCALE) return mediumDay(d.getFullYear(), d.getMonth(), d.getDate());
  return dateFormat(locale, { dateStyle: 'medium' }).format(d);
}

/**
 * A company due date: the day an admin picked, which the API keeps as the end of that day in UTC
 * (edge/companies/routes.ts), so it is shown as the UTC day in every time zone.
 */
export function formatDueDate(iso: string, locale = LOCALE): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  if (locale === LOCALE) return mediumDay(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

export function formatDateTime(iso: string, locale = LOCALE): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export const DIFFICULTY_LABELS: Record<Difficulty, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export const LESSON_TYPE_LABELS: Record<LessonType, string> = {
  text: 'Reading',
  video: 'Video',
  pdf: 'PDF',
  slides: 'Slides',
  quiz: 'Quiz',
  lab: 'Lab',
  assignment: 'Assignment',
};

/** Capitalises the first letter of a server message ("sign in first" → "Sign in first"). */
export function sentence(message: string): string {
  const m = message.trim();
  return m ? m[0]!.toUpperCase() + m.slice(1) : m;
}
