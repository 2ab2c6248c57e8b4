import type { AuditEntry } from '../../../../edge/api-types.ts';

/** The actions with a wording of their own; the rest are `<thing>.create|update|delete` (audit_admin_row). */
const NAMED: Record<string, string> = {
  'user.role_change': 'Changed a role',
  'user.suspend': 'Suspended an account',
  'user.restore': 'Restored an account',
  'course.approve': 'Approved a course',
  'course.reject': 'Rejected a course',
  'course.feature': 'Featured a course on the homepage',
  'course.unfeature': 'Took a course off the homepage',
  'course.unpublish': 'Unpublished a course',
  'course.archive': 'Archived a course',
  'course.restore': 'Restored a course',
  'category.move_courses': "Moved a category's courses",
  'tag.rename': 'Renamed a tag',
  'tag.merge': 'Merged a tag into another',
  'report.action': 'Hid reported content',
  'report.dismiss': 'Dismissed reports',
  'review.hide': 'Hid a review',
  'review.restore': 'Showed a review again',
  'order.refund': 'Refunded an order',
  'site.home_update': 'Changed the homepage',
  'site.legal_update': 'Changed a legal page',
  'company_seats.create': 'Added seats',
  'company_member.create': 'Added a company member',
};

/** The things changed through the generic audit trigger (supabase/migrations/20261129000600_admin_audit_coverage.sql). */
const THINGS: Record<string, string> = {
  course: 'a course',
  course_section: 'a course section',
  lesson: 'a lesson',
  bundle: 'a bundle',
  category: 'a category',
  bundle_courses: "a bundle's courses",
  coupon: 'a coupon',
  pricing_rule: 'a pricing rule',
  tax_rate: 'a tax rate',
  faq_theme: 'an FAQ theme',
  faq_article: 'an FAQ article',
  contact_message: 'a contact message',
  company: 'a company',
  company_seats: "a company's seats",
  company_member: 'a company member',
};
const VERBS: Record<string, string> = { create: 'Created', update: 'Changed', delete: 'Deleted' };

/** What an action is called on the page. */
export function actionLabel(action: string): string {
  if (NAMED[action]) return NAMED[action];
  const [thing = '', verb = ''] = action.split('.');
  return THINGS[thing] && VERBS[verb] ? `${VERBS[verb]} ${THINGS[thing]}` : action;
}

/** The filter's choices: every action of a kind, then single actions. */
export const ACTION_OPTIONS: { value: string; label: string }[] = [
  { value: '', label: 'Any action' },
  { value: 'user', label: 'People: every action' },
  { value: 'course', label: 'Courses: every action' },
  { value: 'site', label: 'Site content: every action' },
  { value: 'category', label: 'Categories: every action' },
  { value: 'report', label: 'Reported content: every action' },
  { value: 'coupon', label: 'Coupons: every action' },
  { value: 'bundle', label: 'Bundles: every action' },
  { value: 'pricing_rule', label: 'Pricing rules: every action' },
  { value: 'tax_rate', label: 'Tax rates: every action' },
  { value: 'company', label: 'Companies: every action' },
  { value: 'faq_article', label: 'FAQ articles: every action' },
  ...Object.entries(NAMED).map(([value, label]) => ({ value, label })),
];

const shown = (v: unknown): string | null => {
  if (v === null) return 'none';
  if (typeof v === 'string') return v ? `“${v}”` : null;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return null;
};

/** A short line of what changed: a role's before and after, an amount, a reason, or the fields an admin set. */
export function describeDetails(e: AuditEntry): string {
  const d = e.details;
  const parts: string[] = [];
  if (typeof d.from === 'string' && typeof d.to === 'string') parts.push(`${d.from} → ${d.to}`);
  if (typeof d.amount === 'number' && typeof d.currency === 'string') {
    parts.push(`${(d.amount / 100).toFixed(2)} ${d.currency}`);
  }
  if (typeof d.reason === 'string' && d.reason) parts.push(`“${d.reason}”`);
  if (parts.length || NAMED[e.action]) return parts.join(' · ');
  // A generic entry: the fields it holds, ids left out (and empty ones of a new row), at most five.
  const created = e.action.endsWith('.create');
  const fields = Object.entries(d)
    .filter(([k, v]) => k !== 'id' && !k.endsWith('_id') && !(created && v === null))
    .map(([k, v]) => {
      const value = shown(v);
      return value === null ? k.replaceAll('_', ' ') : `${k.replaceAll('_', ' ')}: ${value}`;
    });
  return fields.slice(0, 5).join(' · ') + (fields.length > 5 ? ` · and ${fields.length - 5} more` : '');
}
