import { describe, expect, it } from 'vitest';
import type { AdminCompany } from '../../../../../edge/api-types.ts';
import { COMPANY_LIMITS } from '../../../../../edge/contract/companies.ts';
import { COMPANY_FORM_LIMITS, filterCompanies, seatCount } from './filter.ts';

const company = (name: string, slug: string, admins: [string, string][]): AdminCompany => ({
  id: `60000000-0000-4000-8000-${slug.padStart(12, '0').slice(-12)}`,
  slug,
  name,
  members: 1,
  admins: admins.map(([n, email], i) => ({ userId: `70000000-0000-4000-8000-00000000000${i}`, name: n, email })),
  seats: [],
  usage: { seatsUsed: 0, seatsTotal: 0, activeLearners30d: 0, assignedEnrollments: 0, completions: 0 },
});

const items = [
  company('Acme Corp', 'acme', [['Casey Nguyen', 'companyadmin@demo.test']]),
  company('Globex', 'globex', [['Morgan Reyes', 'globexadmin@demo.test']]),
];

describe('admin companies filter', () => {
  it('matches name, slug and admins, every word, any case', () => {
    expect(filterCompanies(items, '').map((c) => c.slug)).toEqual(['acme', 'globex']);
    expect(filterCompanies(items, 'ACME').map((c) => c.slug)).toEqual(['acme']);
    expect(filterCompanies(items, 'reyes').map((c) => c.slug)).toEqual(['globex']);
    expect(filterCompanies(items, 'demo.test globex').map((c) => c.slug)).toEqual(['globex']);
    expect(filterCompanies(items, 'initech')).toEqual([]);
  });

  it('reads a seat count: whole numbers from 1 to the limit', () => {
    expect(seatCount('3', 10_000)).toBe(3);
    expect(seatCount(' 10000 ', 10_000)).toBe(10_000);
    for (const bad of ['', '0', '-1', '1.5', '1e3', 'abc', '10001']) expect(seatCount(bad, 10_000)).toBeNull();
  });

  it("keeps the forms' bounds equal to the API's", () => {
    expect(COMPANY_FORM_LIMITS).toEqual({
      seats: COMPANY_LIMITS.seats,
      note: COMPANY_LIMITS.note,
      email: COMPANY_LIMITS.email,
    });
  });
});
