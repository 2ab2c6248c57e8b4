import type { AdminCompany } from '../../../../../edge/api-types.ts';

/** Companies whose name, slug or an admin's name or email holds every word of `q` (case-insensitive). */
export function filterCompanies(items: readonly AdminCompany[], q: string): AdminCompany[] {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((c) => {
    const text = [c.name, c.slug, ...c.admins.flatMap((a) => [a.name, a.email])].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** A whole number of seats from the form, 1..max, or null. */
export function seatCount(raw: string, max: number): number | null {
  const s = raw.trim();
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= 1 && n <= max ? n : null;
}

/** The API's bounds (edge/contract/companies.ts COMPANY_LIMITS), without loading the contract's schemas here. */
export const COMPANY_FORM_LIMITS = { seats: 10_000, note: 500, email: 254 } as const;
