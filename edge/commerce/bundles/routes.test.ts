import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines, fresh, type TestDatabase } from '../../../tests/support/db.ts';
import { type EdgeHarness, ids, makeEdgeHarness } from '../../../tests/support/edge-harness.ts';
import { bundleDetail, courseBundleList, seatTierList } from '../../contract/bundles.ts';
import { bundleList } from '../../contract/checkout.ts';

/**
 * Bundles on the harness's small catalog (tests/support/edge-harness.ts): the paid course (49.00)
 * and the pricey one (199.00) are both Data Science, the free one Web Development, and one is a
 * draft. Prices come from edge/pricing's bundleOffer; what is on sale comes from RLS and status.
 */

const B = {
  data: '60000000-0000-4000-8000-000000000001',
  starter: '60000000-0000-4000-8000-000000000002',
  draft: '60000000-0000-4000-8000-000000000003',
  broken: '60000000-0000-4000-8000-000000000004',
} as const;
const R = {
  data2: '70000000-0000-4000-8000-000000000001',
  data3: '70000000-0000-4000-8000-000000000002',
  starterOff: '70000000-0000-4000-8000-000000000003',
  seats10: '70000000-0000-4000-8000-000000000004',
  seats25: '70000000-0000-4000-8000-000000000005',
  seats50: '70000000-0000-4000-8000-000000000006',
  seatsOff: '70000000-0000-4000-8000-000000000007',
  cart: '70000000-0000-4000-8000-000000000008',
} as const;

const FIXTURE = `
insert into public.bundles (id, slug, title, description, category_id, status) values
  ('${B.data}', 'data-pack', 'Data pack', 'Pandas, then machine learning.', '${ids.data}', 'published'),
  ('${B.starter}', 'starter-pack', 'Starter pack', 'HTML and pandas.', '${ids.web}', 'published'),
  ('${B.draft}', 'draft-pack', 'Draft pack', 'Not yet.', null, 'draft'),
  ('${B.broken}', 'broken-pack', 'Broken pack', 'Holds a draft course.', null, 'published');
insert into public.bundle_courses (bundle_id, course_id, position) values
  ('${B.data}', '${ids.paid}', 1), ('${B.data}', '${ids.pricey}', 2),
  ('${B.starter}', '${ids.free}', 1), ('${B.starter}', '${ids.paid}', 2),
  ('${B.draft}', '${ids.paid}', 1),
  ('${B.broken}', '${ids.paid}', 1), ('${B.broken}', '${ids.draft}', 2);
insert into public.pricing_rules (id, scope, bundle_id, min_quantity, percent_bps, active) values
  ('${R.data2}', 'bundle', '${B.data}', 2, 1000, true),
  ('${R.data3}', 'bundle', '${B.data}', 3, 2000, true),
  ('${R.starterOff}', 'bundle', '${B.starter}', 2, 5000, false),
  ('${R.seats10}', 'seats', null, 10, 1000, true),
  ('${R.seats25}', 'seats', null, 25, 500, true),
  ('${R.seats50}', 'seats', null, 50, 2000, true),
  ('${R.seatsOff}', 'seats', null, 200, 3000, false),
  ('${R.cart}', 'cart', null, 3, 500, true);
`;

// A loop, not describe.each: the Deno lane's vitest shim has no .each.
for (const engine of engines()) {
  describe(`bundles on ${engine}`, () => {
    let t: TestDatabase;
    let h: EdgeHarness;
    beforeAll(async () => {
      t = await fresh(engine);
      h = await makeEdgeHarness({ db: t.db });
      await h.db.runScript(FIXTURE);
    }, 120_000);
    afterAll(async () => {
      await h?.close();
      await t?.drop();
    });

    async function get(path: string, userId: string | null = null, headers: Record<string, string> = {}) {
      return h.app.request(path, { headers: { ...(userId ? await h.as(userId) : {}), ...headers } });
    }

    async function bundles(query = '', userId: string | null = null) {
      const res = await get(`/api/bundles${query}`, userId);
      expect(res.status).toBe(200);
      return bundleList.parse(await res.json()).items;
    }

    describe('GET /api/bundles', () => {
      it('lists the published bundles on sale with list total, bundle price, savings and rules in words', async () => {
        const items = await bundles();
        expect(items.map((b) => b.slug)).toEqual(['data-pack', 'starter-pack']);
        const [data, starter] = items;
        expect(data).toMatchObject({
          id: B.data,
          title: 'Data pack',
          category: { slug: 'data-science', name: 'Data Science' },
          currency: 'USD',
          listTotal: 4900 + 19900,
          bundlePrice: 24800 - 2480,
          savings: 2480,
          rulesText: 'Buy 2, get 10% off; 3 or more, 20% off',
          imageUrl: null,
        });
        expect(data!.courses.map((c) => [c.slug, c.priceAmount])).toEqual([
          ['pandas-in-practice', 4900],
          ['ml-systems', 19900],
        ]);
        // An inactive rule is no rule.
        expect(starter).toMatchObject({ listTotal: 4900, bundlePrice: 4900, savings: 0, rulesText: null });
      });

      it('filters by category, price band of the bundle price and a search', async () => {
        expect((await bundles('?category=data-science')).map((b) => b.slug)).toEqual(['data-pack']);
        expect((await bundles('?category=web-development')).map((b) => b.slug)).toEqual(['starter-pack']);
        expect(await bundles('?category=no-such-category')).toEqual([]);
        expect((await bundles('?price=under-50')).map((b) => b.slug)).toEqual(['starter-pack']);
        expect((await bundles('?price=100-plus')).map((b) => b.slug)).toEqual(['data-pack']);
        expect(await bundles('?price=free')).toEqual([]);
        // Title, description or one of its courses' titles; pattern characters are literal.
        expect((await bundles('?q=starter')).map((b) => b.slug)).toEqual(['starter-pack']);
        expect((await bundles('?q=Machine%20Learning')).map((b) => b.slug)).toEqual(['data-pack']);
        expect((await bundles('?q=pandas')).map((b) => b.slug)).toEqual(['data-pack', 'starter-pack']);
        expect(await bundles('?q=%25')).toEqual([]);
        expect(await bundles('?q=_')).toEqual([]);
      });

      it('answers the same to learners and admins, never a draft or a bundle with a course not on sale', async () => {
        for (const user of [ids.student, ids.teacher, ids.admin]) {
          expect((await bundles('', user)).map((b) => b.slug)).toEqual(['data-pack', 'starter-pack']);
        }
      });

      it('refuses bad queries with a 400 JSON error', async () => {
        for (const query of [
          '?price=cheap',
          '?category=Not%20A%20Slug',
          '?sort=price',
          `?q=${'x'.repeat(201)}`,
          '?q=a%00',
        ]) {
          const res = await get(`/api/bundles${query}`);
          expect(res.status, query).toBe(400);
          expect((await res.json()).error.code).toBe('bad_request');
        }
      });

      it('caches anonymous answers with an ETag until a bundle changes; signed-in answers are private', async () => {
        const first = await get('/api/bundles');
        expect(first.headers.get('cache-control')).toMatch(/^public/);
        const etag = first.headers.get('etag')!;
        expect(etag).toMatch(/^"/);
        const again = await get('/api/bundles', null, { 'if-none-match': etag });
        expect(again.status).toBe(304);

        const mine = await get('/api/bundles', ids.student);
        expect(mine.headers.get('cache-control')).toBe('private, no-store');

        await h.db.asOwner((sql) =>
          sql.query(`update public.pricing_rules set active = true where id = $1`, [R.starterOff]),
        );
        const changed = await get('/api/bundles', null, { 'if-none-match': etag });
        expect(changed.status).toBe(200);
        const starter = bundleList.parse(await changed.json()).items.find((b) => b.id === B.starter)!;
        expect(starter).toMatchObject({ bundlePrice: 2450, savings: 2450, rulesText: 'Buy 2, get 50% off' });
        await h.db.asOwner((sql) =>
          sql.query(`update public.pricing_rules set active = false where id = $1`, [R.starterOff]),
        );
      });
    });

    describe('GET /api/bundles/:slug', () => {
      it('answers one bundle with its courses as catalog cards, in order', async () => {
        const res = await get('/api/bundles/data-pack');
        expect(res.status).toBe(200);
        const bundle = bundleDetail.parse(await res.json());
        expect(bundle).toMatchObject({ id: B.data, bundlePrice: 22320 });
        expect(bundle.courseCards.map((c) => c.id)).toEqual([ids.paid, ids.pricey]);
        expect(bundle.courseCards[0]!.instructor.displayName).toBe('Tea Cher');
      });

      it('is a 404 for a draft, a bundle not on sale, an unknown or malformed slug', async () => {
        for (const slug of ['draft-pack', 'broken-pack', 'nope', 'Not_A_Slug']) {
          for (const user of [null, ids.admin]) {
            const res = await get(`/api/bundles/${slug}`, user);
            expect(res.status, slug).toBe(404);
            expect((await res.json()).error.code).toBe('not_found');
          }
        }
      });
    });

    describe('GET /api/courses/:slug/bundles', () => {
      it('lists the bundles on sale holding the course, the best discount first', async () => {
        const res = await get('/api/courses/pandas-in-practice/bundles');
        expect(res.status).toBe(200);
        const { items } = courseBundleList.parse(await res.json());
        expect(items.map((b) => [b.slug, b.discountBps, b.discountText])).toEqual([
          ['data-pack', 1000, 'Save 10%'],
          ['starter-pack', 0, null],
        ]);
        const mine = await get('/api/courses/ml-systems/bundles', ids.student);
        expect(courseBundleList.parse(await mine.json()).items.map((b) => b.slug)).toEqual(['data-pack']);
      });

      it('answers an empty list for a course in no bundle, 404 for a course that is not published or unknown', async () => {
        const none = await get('/api/courses/intro-to-html/bundles');
        expect(courseBundleList.parse(await none.json()).items.map((b) => b.slug)).toEqual(['starter-pack']);
        await h.db.asOwner((sql) => sql.query(`delete from public.bundle_courses where course_id = $1`, [ids.free]));
        const empty = await get('/api/courses/intro-to-html/bundles', ids.student);
        expect(courseBundleList.parse(await empty.json()).items).toEqual([]);
        await h.db.asOwner((sql) =>
          sql.query(`insert into public.bundle_courses (bundle_id, course_id, position) values ($1, $2, 1)`, [
            B.starter,
            ids.free,
          ]),
        );
        for (const [slug, user] of [
          ['secret-draft', null],
          ['secret-draft', ids.teacher],
          ['no-such-course', null],
          ['Bad_Slug', null],
        ] as const) {
          const res = await get(`/api/courses/${slug}/bundles`, user);
          expect(res.status, slug).toBe(404);
          expect((await res.json()).error.code).toBe('not_found');
        }
      });
    });

    describe('GET /api/pricing/seat-tiers', () => {
      it('answers the active seat rules as tiers, leaving out one that can never apply', async () => {
        for (const user of [null, ids.student]) {
          const res = await get('/api/pricing/seat-tiers', user);
          expect(res.status).toBe(200);
          expect(seatTierList.parse(await res.json())).toEqual({
            items: [
              { id: R.seats10, minQuantity: 10, percentBps: 1000, label: '10+ seats: 10% off' },
              { id: R.seats50, minQuantity: 50, percentBps: 2000, label: '50+ seats: 20% off' },
            ],
            text: '10+ seats: 10% off; 50+ seats: 20% off',
          });
        }
      });
    });
  });
}
