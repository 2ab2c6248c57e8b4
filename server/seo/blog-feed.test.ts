import { describe, expect, it } from 'vitest';
import type { BlogPostCard } from '../../edge/contract/blog.ts';
import { article } from './json-ld.ts';
import { markdownHtml } from './markdown-html.ts';
import { rssXml } from './rss.ts';
import { checkJsonLd } from './schema-org.ts';

const site = { origin: 'https://learn.example.org', name: 'Learnwell' };
const post: BlogPostCard = {
  id: '72000000-0000-4000-8000-000000000001',
  slug: 'study-habits',
  title: 'Study <habits> & "you"',
  excerpt: 'Short ]]> sessions & more\u0001',
  coverUrl: '/storage/v1/object/public/avatars/u/blog-a-{w}.webp',
  coverWidths: [320, 640],
  coverAlt: 'A desk',
  author: { name: 'Ada L.' },
  category: { slug: 'learning', name: 'Learning' },
  tags: ['habits', 'memory'],
  featured: false,
  publishedAt: '2026-11-20T10:00:00.000Z',
  readingMinutes: 3,
};

describe('the blog feed and Article JSON-LD', () => {
  it('RSS 2.0: every value escaped, absolute links, RFC 822 dates, a self link', () => {
    const xml = rssXml(site, [post]);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    expect(xml).toContain('<title>Study &lt;habits&gt; &amp; &quot;you&quot;</title>');
    expect(xml).toContain('<description>Short ]]&gt; sessions &amp; more</description>');
    expect(xml).toContain('<link>https://learn.example.org/blog/study-habits</link>');
    expect(xml).toContain('<pubDate>Fri, 20 Nov 2026 10:00:00 GMT</pubDate>');
    expect(xml).toContain('<atom:link href="https://learn.example.org/blog/rss.xml" rel="self"');
    expect(xml).toContain('<category>Learning</category><category>habits</category>');
    expect(xml).not.toContain('\u0001');
    expect(rssXml(site, [])).toContain('<channel><title>Learnwell blog</title>');
  });

  it('Article validates against schema.org: headline, image, author Person, dates, publisher', () => {
    const doc = article(site, { ...post, updatedAt: '2026-11-21T10:00:00.000Z' });
    expect(checkJsonLd(doc)).toEqual([]);
    expect(doc).toMatchObject({
      '@type': 'Article',
      headline: 'Study <habits> & "you"',
      image: 'https://learn.example.org/storage/v1/object/public/avatars/u/blog-a-640.webp',
      author: [{ '@type': 'Person', name: 'Ada L.' }],
      datePublished: '2026-11-20T10:00:00.000Z',
      dateModified: '2026-11-21T10:00:00.000Z',
      articleSection: 'Learning',
      keywords: 'habits, memory',
    });
    const bare = article(site, { ...post, coverUrl: null, updatedAt: post.publishedAt });
    expect(checkJsonLd(bare).map((p) => p.message)).toEqual(['Article should have image']);
    expect(checkJsonLd({ ...doc, datePublished: 'yesterday' }).map((p) => p.message)).toEqual([
      'datePublished must be an ISO 8601 date',
    ]);
    expect(checkJsonLd({ ...doc, author: undefined }).map((p) => p.message)).toEqual(['Article requires author']);
  });

  it('Markdown bodies become sanitised HTML with headings below the page h1', () => {
    const html = markdownHtml(
      '# Intro\n\nSome **bold** [link](javascript:alert(1)) <img src=x onerror=alert(1)>\n\n## More',
    );
    expect(html).toContain('<h2>Intro</h2>');
    expect(html).toContain('<h3>More</h3>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});
