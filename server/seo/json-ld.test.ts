import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CourseDetail } from '../../edge/api-types.ts';
import { jsonLdScript, plainText } from './escape.ts';
import { applyHead } from './head.ts';
import { breadcrumbs, course, faqPage, majorUnits, organization, type Site, webSite } from './json-ld.ts';
import { checkJsonLd } from './schema-org.ts';
import { SITE_NAME, TAGLINE } from './site.ts';

const site: Site = { origin: 'https://learn.example.org', name: 'Learnwell' };

const detail: CourseDetail = {
  id: '30000000-0000-4000-8000-000000000001',
  slug: 'intro-to-html',
  title: 'Intro to HTML',
  subtitle: 'Build your first page',
  thumbnailUrl: '/storage/v1/object/public/covers/html-{w}.webp',
  thumbnailWidths: [320, 640, 1280],
  difficulty: 'beginner',
  language: 'en',
  category: { slug: 'web-development', name: 'Web Development' },
  instructor: {
    id: '10000000-0000-4000-8000-000000000001',
    displayName: 'Tea Cher',
    headline: '',
    bio: '',
    expertise: [],
    avatarUrl: null,
  },
  price: { amount: 4900, currency: 'USD' },
  rating: { average: 4.5, count: 20 },
  enrollmentCount: 10,
  lessonCount: 4,
  durationMinutes: 50,
  publishedAt: '2026-01-01T00:00:00.000Z',
  badges: [],
  description: 'Learn **markup** from scratch.',
  outcomes: ['Write HTML'],
  prerequisites: [],
  tags: [],
  introVideoUrl: null,
  sections: [],
  enrollment: null,
};

const errors = (doc: unknown) => checkJsonLd(doc).filter((p) => p.level === 'error');

describe('JSON-LD against schema.org', () => {
  it('Course: required and recommended properties, an Offer with price and currency, a CourseInstance', () => {
    const doc = course(site, detail);
    expect(checkJsonLd(doc)).toEqual([]);
    expect(doc).toMatchObject({
      '@type': 'Course',
      provider: { '@type': 'Organization', name: 'Learnwell' },
      offers: [{ '@type': 'Offer', price: '49.00', priceCurrency: 'USD', category: 'Paid' }],
      hasCourseInstance: [{ courseMode: 'Online', courseWorkload: 'PT50M' }],
      image: 'https://learn.example.org/storage/v1/object/public/covers/html-1280.webp',
      aggregateRating: { ratingValue: 4.5, ratingCount: 20 },
    });
  });

  it('BreadcrumbList, FAQPage, Organization and WebSite validate', () => {
    const docs = [
      breadcrumbs(site, [
        ['Home', '/'],
        ['Courses', '/courses'],
      ]),
      faqPage([{ question: 'Free?', answer: 'Yes, [see](https://x.example) **this**.' }])!,
      organization(site),
      webSite(site),
    ];
    for (const doc of docs) expect(checkJsonLd(doc), String(doc['@type'])).toEqual([]);
    expect((docs[1] as { mainEntity: { acceptedAnswer: { text: string } }[] }).mainEntity[0]!.acceptedAnswer.text).toBe(
      'Yes, see this.',
    );
    expect(faqPage([])).toBeUndefined();
  });

  it('the checker catches what schema.org or search engines reject', () => {
    const doc = course(site, detail);
    expect(errors({ ...doc, provider: undefined }).map((p) => p.message)).toEqual(['Course requires provider']);
    expect(errors({ ...doc, price: 1 }).map((p) => p.message)).toEqual(['Course has no property price']);
    expect(errors({ ...doc, '@context': 'http://schema.org' })).toHaveLength(1);
    expect(errors({ ...doc, url: '/courses/x' }).map((p) => p.message)).toEqual(['url must be an absolute URL']);
    const offers = [{ '@type': 'Offer', price: '$49', priceCurrency: 'usd' }];
    expect(errors({ ...doc, offers }).map((p) => p.message)).toEqual([
      'Offer requires category',
      'price must be a number without symbols',
      'priceCurrency must be ISO 4217',
    ]);
    const list = breadcrumbs(site, [['Home', '/']]);
    const bad = { ...list, itemListElement: [{ '@type': 'ListItem', position: 2, name: 'Home' }] };
    expect(errors(bad).map((p) => p.message)).toEqual(['ListItem requires item', 'positions must count from 1']);
    expect(errors({ '@context': 'https://schema.org', '@type': 'Thing' })[0]!.message).toBe('unknown @type Thing');
    expect(checkJsonLd({ ...doc, image: undefined }).map((p) => p.level)).toEqual(['warning']);
  });

  it('prices in major units by the currency', () => {
    expect(majorUnits(4900, 'USD')).toBe('49.00');
    expect(majorUnits(500, 'JPY')).toBe('500');
    expect(majorUnits(0, 'EUR')).toBe('0.00');
  });
});

describe('escaping', () => {
  it('JSON-LD cannot end its script element, and reads back the same', () => {
    const doc = { name: '</script><script>alert(1)</script> & \u2028' };
    const tag = jsonLdScript(doc);
    expect(tag.match(/<\/script>/g)).toHaveLength(1);
    expect(JSON.parse(tag.slice(tag.indexOf('>') + 1, -'</script>'.length))).toEqual(doc);
  });

  it('the head escapes text and keeps `$&` as written', () => {
    const html = applyHead('<head><meta name="description" content="x" /><title>Learnwell</title></head>', {
      title: 'A "quoted" <b> $& title',
      description: 'It\'s <i>"this"</i> $1',
      canonical: 'https://learn.example.org/courses/a',
      siteName: 'Learnwell',
    });
    expect(html).toContain('<title>A &quot;quoted&quot; &lt;b&gt; $&amp; title</title>');
    expect(html).toContain('<meta name="description" content="It&#39;s &lt;i&gt;&quot;this&quot;&lt;/i&gt; $1">');
    expect(html).toContain('<meta property="og:title" content="A &quot;quoted&quot; &lt;b&gt; $&amp; title">');
    expect(html).not.toContain('<b>');
  });

  it('descriptions are plain text cut on a word', () => {
    expect(plainText('# Title\n\nSome **bold** and [a link](https://x.example).')).toBe('Title Some bold and a link.');
    expect(plainText('one two three four five', 12)).toBe('one two…');
  });
});

describe('the site constants', () => {
  it('match web/src/lib/site.ts', () => {
    const web = readFileSync(new URL('../../web/src/lib/site.ts', import.meta.url), 'utf8');
    expect(web).toContain(`SITE_NAME = '${SITE_NAME}'`);
    expect(web).toContain(`TAGLINE = '${TAGLINE}'`);
  });
});
