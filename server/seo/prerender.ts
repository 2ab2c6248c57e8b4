import type {
  BundleCard,
  BundleDetail,
  CategoryList,
  CourseCard,
  CourseDetail,
  CourseList,
  CourseReviews,
  FaqCenter,
  FaqList,
  LegalPage,
  SiteHome,
} from '../../edge/api-types.ts';
import type { BlogPostList } from '../../edge/contract/blog.ts';
import { formatCount, formatDuration, formatMoney, plural } from '../../web/src/lib/format.ts';
import { escapeHtml as h, plainText } from './escape.ts';
import { TAGLINE } from './site.ts';

/**
 * The public pages' main content as semantic HTML, from the API answers the page starts with:
 * what a crawler without JavaScript reads (docs/seo.md). The host writes it inside #root; a
 * browser running scripts never shows it (web/src/styles/prerender.css hides it while the app
 * boots) and the app replaces it when it mounts (web/src/main.tsx). The markup uses the app's
 * class names, so a visitor without JavaScript gets a styled page. Every value is escaped.
 */

const SECTION_NAV: [string, string][] = [
  ['/courses', 'Courses'],
  ['/bundles', 'Bundles'],
  ['/for-companies', 'For companies'],
  ['/about', 'About'],
  ['/blog', 'Blog'],
];

/** The legal pages in the footer (web/src/lib/site-api.ts LEGAL_LINKS says the same). */
const LEGAL_LINKS: [string, string][] = [
  ['/legal/terms', 'Terms of use'],
  ['/legal/privacy', 'Privacy policy'],
  ['/legal/refund-policy', 'Refund policy'],
];

const link = (href: string, text: string, cls?: string) =>
  `<a href="${h(href)}"${cls ? ` class="${cls}"` : ''}>${h(text)}</a>`;

const courseHref = (slug: string) => `/courses/${encodeURIComponent(slug)}`;
const bundleHref = (slug: string) => `/bundles/${encodeURIComponent(slug)}`;

/** The page frame: header with the main links, the content, the footer. */
export function frame(siteName: string, main: string): string {
  const nav = SECTION_NAV.map(([href, text]) => `<li>${link(href, text)}</li>`).join('');
  return (
    `<div class="app prerendered" data-prerendered="">` +
    `<header class="site-header"><div class="container header-inner">` +
    `<a href="/" class="brand"><span>${h(siteName)}</span></a>` +
    `<nav class="main-nav" aria-label="Main"><ul>${nav}</ul></nav>` +
    `</div></header>` +
    `<main id="main">${main}</main>` +
    `<footer class="site-footer"><div class="container footer-inner"><nav aria-label="Footer"><ul>` +
    `<li>${link('/about', 'About')}</li><li>${link('/faq#contact', 'Contact')}</li>` +
    `<li>${link('/faq', 'Help & FAQ')}</li>` +
    `<li>${link('/courses', 'Courses')}</li><li>${link('/for-companies', 'For companies')}</li>` +
    LEGAL_LINKS.map(([href, text]) => `<li>${link(href, text)}</li>`).join('') +
    `</ul></nav></div></footer></div>`
  );
}

function courseCard(c: CourseCard, level = 3): string {
  const facts = [
    c.category?.name,
    c.difficulty,
    plural(c.lessonCount, 'lesson', 'lessons'),
    c.durationMinutes ? formatDuration(c.durationMinutes) : undefined,
    c.rating.count ? `${c.rating.average.toFixed(1)} stars (${formatCount(c.rating.count)})` : undefined,
  ].filter(Boolean) as string[];
  return (
    `<li><article class="course-card"><div class="course-card-body">` +
    `<h${level} class="course-card-title">${link(courseHref(c.slug), c.title, 'card-link')}</h${level}>` +
    (c.subtitle ? `<p class="course-card-subtitle">${h(c.subtitle)}</p>` : '') +
    `<p class="course-card-instructor">${h(c.instructor.displayName)}</p>` +
    `<p class="course-card-meta">${facts.map(h).join(' · ')}</p>` +
    `<p class="course-card-footer"><strong>${h(formatMoney(c.price))}</strong></p>` +
    `</div></article></li>`
  );
}

const cardGrid = (items: CourseCard[], level = 3) =>
  `<ul class="card-grid">${items.map((c) => courseCard(c, level)).join('')}</ul>`;

export function homeBody(
  popular?: CourseList,
  newest?: CourseList,
  categories?: CategoryList,
  site?: SiteHome,
  blog?: BlogPostList,
): string {
  const shelf = (id: string, title: string, list?: CourseList) =>
    list?.items.length
      ? `<section class="container section" aria-labelledby="${id}-title"><h2 id="${id}-title">${h(title)}</h2>${cardGrid(list.items)}</section>`
      : '';
  const cats = categories?.items.length
    ? `<section class="container section" aria-labelledby="categories-title"><h2 id="categories-title">Explore by category</h2><ul class="category-tiles">${categories.items
        .map(
          (cat) =>
            `<li>${link(`/courses?category=${encodeURIComponent(cat.slug)}`, `${cat.name} (${plural(cat.count, 'course', 'courses')})`, 'category-tile')}</li>`,
        )
        .join('')}</ul></section>`
    : '';
  const hero = site?.hero;
  const featured = site?.featuredCourses.length
    ? `<section class="container section" aria-labelledby="featured-title"><h2 id="featured-title">Featured courses</h2>${cardGrid(site.featuredCourses)}</section>`
    : '';
  const bundles = site?.featuredBundles.length
    ? `<section class="container section" aria-labelledby="bundles-title"><h2 id="bundles-title">Save with bundles</h2><ul>${site.featuredBundles
        .map((b) => `<li>${link(bundleHref(b.slug), b.title)}</li>`)
        .join('')}</ul></section>`
    : '';
  const quotes = site?.testimonials.length
    ? `<section class="container section" aria-labelledby="testimonials-title"><h2 id="testimonials-title">What learners say</h2><ul class="testimonials">${site.testimonials
        .map(
          (t) =>
            `<li><figure class="testimonial"><blockquote><p>${h(t.quote)}</p></blockquote><figcaption><strong>${h(t.name)}</strong>${t.role ? `, ${h(t.role)}` : ''}</figcaption></figure></li>`,
        )
        .join('')}</ul></section>`
    : '';
  return (
    `<section class="hero"><div class="container hero-inner"><h1>${h(hero?.title ?? TAGLINE)}</h1>` +
    `<p class="lead">${h(hero?.text ?? 'Short, hands-on courses from working practitioners. Learn at your own pace and see your progress lesson by lesson.')}</p>` +
    `<p class="cta-row">${link(hero?.ctaHref ?? '/courses', hero?.ctaLabel ?? 'Browse courses', 'button button-primary button-large')} ${link('/bundles', 'Browse bundles', 'button button-secondary button-large')}</p>` +
    `</div></section>` +
    featured +
    shelf('popular', 'Popular courses', popular) +
    shelf('newest', 'Newest courses', newest) +
    cats +
    bundles +
    blogHighlights(blog) +
    quotes
  );
}

/** The home page's "From the blog": the three latest posts, linked. */
function blogHighlights(blog?: BlogPostList): string {
  const posts = blog?.items.slice(0, 3) ?? [];
  if (!posts.length) return '';
  return (
    `<section class="container section" aria-labelledby="blog-highlights-title"><h2 id="blog-highlights-title">From the blog</h2><ul>` +
    posts
      .map(
        (p) =>
          `<li>${link(`/blog/${encodeURIComponent(p.slug)}`, p.title)}${p.excerpt ? ` <span>${h(p.excerpt)}</span>` : ''}</li>`,
      )
      .join('') +
    `</ul>${link('/blog', 'Read the blog')}</section>`
  );
}

export function catalogBody(list: CourseList | undefined, page: number): string {
  if (!list) return `<div class="container catalog"><h1>Courses</h1></div>`;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pager: string[] = [];
  if (page > 1) pager.push(link(`/courses?page=${page - 1}`, 'Previous page'));
  if (page < pages) pager.push(link(`/courses?page=${page + 1}`, 'Next page'));
  return (
    `<div class="container catalog"><h1>Courses</h1>` +
    `<p class="result-count">${h(plural(list.total, 'course', 'courses'))}</p>` +
    (list.items.length ? cardGrid(list.items, 2) : '<p class="empty-state">No courses match.</p>') +
    (pager.length ? `<nav class="pagination" aria-label="Pages">${pager.join(' ')}</nav>` : '') +
    `</div>`
  );
}

const paragraphs = (text: string) =>
  text
    .split(/\n{2,}/)
    .map((p) => plainText(p))
    .filter(Boolean)
    .map((p) => `<p>${h(p)}</p>`)
    .join('');

export function courseBody(c: CourseDetail, reviews?: CourseReviews, faq?: FaqList): string {
  const facts = [
    c.difficulty,
    plural(c.lessonCount, 'lesson', 'lessons'),
    c.durationMinutes ? formatDuration(c.durationMinutes) : undefined,
    c.language,
  ].filter(Boolean) as string[];
  const list = (items: string[]) => `<ul class="checklist">${items.map((i) => `<li>${h(i)}</li>`).join('')}</ul>`;
  const syllabus = c.sections
    .map(
      (s) =>
        `<li><h3>${h(s.title)}</h3><ol class="lesson-list">${s.lessons
          .map(
            (l) =>
              `<li class="lesson-row"><span class="lesson-title">${h(l.title)}</span>` +
              (l.durationMinutes
                ? ` <span class="lesson-duration">${h(formatDuration(l.durationMinutes))}</span>`
                : '') +
              (l.isPreview ? ' <span class="badge badge-preview">Preview</span>' : '') +
              `</li>`,
          )
          .join('')}</ol></li>`,
    )
    .join('');
  const rating = reviews ?? { average: c.rating.average, count: c.rating.count, items: [] };
  const reviewList = (reviews?.items ?? [])
    .slice(0, 3)
    .map(
      (r) =>
        `<li><p><strong>${h(r.author)}</strong>: ${r.rating} out of 5</p>${r.comment ? `<p>${h(r.comment)}</p>` : ''}</li>`,
    )
    .join('');
  const faqItems = faq?.items ?? [];
  return (
    `<div class="course-page"><div class="container">` +
    `<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li>${link('/', 'Home')}</li><li>${link('/courses', 'Courses')}</li>` +
    (c.category
      ? `<li>${link(`/courses?category=${encodeURIComponent(c.category.slug)}`, c.category.name)}</li>`
      : '') +
    `<li aria-current="page">${h(c.title)}</li></ol></nav>` +
    `<section class="course-hero"><h1>${h(c.title)}</h1>` +
    (c.subtitle ? `<p class="lead">${h(c.subtitle)}</p>` : '') +
    `<p class="course-by">By ${h(c.instructor.displayName)}</p>` +
    `<p class="course-meta">${facts.map(h).join(' · ')}</p>` +
    `<p class="enroll-facts">Price: <strong>${h(formatMoney(c.price))}</strong></p></section>` +
    (c.outcomes.length ? `<section><h2>What you’ll learn</h2>${list(c.outcomes)}</section>` : '') +
    (c.description ? `<section><h2>About this course</h2>${paragraphs(c.description)}</section>` : '') +
    (c.prerequisites.length ? `<section><h2>Prerequisites</h2>${list(c.prerequisites)}</section>` : '') +
    `<section><h2>Course content</h2><ol>${syllabus}</ol></section>` +
    `<section class="panel instructor-card"><h2>Your instructor</h2><p class="instructor-name">${h(c.instructor.displayName)}</p>` +
    (c.instructor.headline ? `<p>${h(c.instructor.headline)}</p>` : '') +
    (c.instructor.bio ? paragraphs(c.instructor.bio) : '') +
    `</section>` +
    `<section><h2>Reviews</h2><p>${
      rating.count
        ? `${h(rating.average.toFixed(1))} out of 5 from ${h(plural(rating.count, 'review', 'reviews'))}`
        : 'No reviews yet.'
    }</p>${reviewList ? `<ul>${reviewList}</ul>` : ''}</section>` +
    (faqItems.length
      ? `<section><h2>Frequently asked questions</h2><dl>${faqItems
          .map((f) => `<dt>${h(f.question)}</dt><dd>${paragraphs(f.answer)}</dd>`)
          .join('')}</dl></section>`
      : '') +
    `</div></div>`
  );
}

function bundleCard(b: BundleCard): string {
  return (
    `<li><article class="course-card"><div class="course-card-body">` +
    `<h2 class="course-card-title">${link(bundleHref(b.slug), b.title, 'card-link')}</h2>` +
    (b.description ? `<p class="course-card-subtitle">${h(plainText(b.description, 200))}</p>` : '') +
    `<p class="course-card-meta">${h(plural(b.courses.length, 'course', 'courses'))}</p>` +
    `<p class="course-card-footer"><strong>${h(formatMoney({ amount: b.bundlePrice, currency: b.currency }))}</strong></p>` +
    `</div></article></li>`
  );
}

export function bundlesBody(list?: { items: BundleCard[] }): string {
  return (
    `<div class="container section"><h1>Course bundles</h1>` +
    (list?.items.length ? `<ul class="card-grid">${list.items.map(bundleCard).join('')}</ul>` : '') +
    `</div>`
  );
}

export function bundleBody(b: BundleDetail): string {
  const price = (amount: number) => formatMoney({ amount, currency: b.currency });
  return (
    `<div class="container section">` +
    `<nav class="breadcrumb" aria-label="Breadcrumb"><ol><li>${link('/', 'Home')}</li><li>${link('/bundles', 'Bundles')}</li>` +
    `<li aria-current="page">${h(b.title)}</li></ol></nav>` +
    `<h1>${h(b.title)}</h1>` +
    (b.description ? paragraphs(b.description) : '') +
    `<p>Bundle price: <strong>${h(price(b.bundlePrice))}</strong>` +
    (b.savings ? ` (${h(price(b.listTotal))} bought one by one)` : '') +
    `</p>` +
    (b.rulesText ? `<p>${h(b.rulesText)}</p>` : '') +
    `<h2>Courses in this bundle</h2>${cardGrid(b.courseCards)}</div>`
  );
}

/** /faq: every theme with its questions and answers (answers are markdown: written as plain paragraphs). */
/** A legal page: its Markdown as plain paragraphs (headings and lists read as text), and its date. */
export function legalBody(page: LegalPage): string {
  return (
    `<article class="container section prose-page legal-page"><h1>${h(page.title)}</h1>${paragraphs(page.body)}` +
    `<p class="muted">Last updated ${h(page.updatedAt.slice(0, 10))}.</p></article>`
  );
}

export function faqCenterBody(center?: FaqCenter): string {
  const themes = (center?.themes ?? [])
    .map(
      (t) =>
        `<section aria-labelledby="faq-${h(t.slug)}"><h2 id="faq-${h(t.slug)}">${h(t.title)}</h2>` +
        (t.description ? `<p>${h(t.description)}</p>` : '') +
        `<dl>${t.articles.map((a) => `<dt>${h(a.question)}</dt><dd>${paragraphs(a.answer)}</dd>`).join('')}</dl></section>`,
    )
    .join('');
  return `<div class="container section"><h1>Help &amp; FAQ</h1>${themes}</div>`;
}
