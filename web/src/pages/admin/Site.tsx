import { createSignal, For, Index, Show } from 'solid-js';
import type { AdminSiteHome, LegalPage, LegalSlug, Testimonial } from '../../../../edge/api-types.ts';
import { Async } from '../../components/Async.tsx';
import { AdminGate } from '../../components/admin/AdminGate.tsx';
import { ConfirmButton } from '../../components/admin/ConfirmButton.tsx';
import { CheckboxField, FormNotice, SelectField, TextAreaField, TextField } from '../../components/admin/Fields.tsx';
import { useList } from '../../components/admin/use-list.ts';
import { createSave } from '../../components/admin/use-save.ts';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { SkeletonBlock } from '../../components/Skeleton.tsx';
import { MarkdownField } from '../../components/teach/MarkdownField.tsx';
import { useApp } from '../../lib/context.ts';
import { formatDateTime } from '../../lib/format.ts';
import { LEGAL_LINKS, move, type SiteApi, siteApi } from '../../lib/site-api.ts';
import { createAction } from '../../lib/submit.ts';
import { usePageTitle } from '../../lib/title.ts';
import '../../styles/admin.css';
import '../../styles/site.css';

/** /admin/site: the home page's hero, featured courses and bundles, testimonials, and the legal pages. */
export default function AdminSitePage() {
  usePageTitle(() => 'Site content');
  const { api } = useApp();
  const site = siteApi(api);
  return (
    <RequireAuth>
      <AdminGate title="Site content" class="container section admin admin-site">
        <nav aria-label="On this page">
          <a href="#home-page">Home page</a> · <a href="#legal">Legal pages</a>
        </nav>
        <HomeEditor site={site} />
        <LegalEditor site={site} />
      </AdminGate>
    </RequireAuth>
  );
}

interface Picked {
  id: string;
  title: string;
}

interface HomeData {
  record: AdminSiteHome;
  courses: Picked[];
  bundles: Picked[];
}

function HomeEditor(props: { site: SiteApi }) {
  // The record, and the titles of the featured items (the public home page names those on sale).
  const data = useList<HomeData>(async () => {
    const [record, page] = await Promise.all([props.site.adminHome(), props.site.home()]);
    const named = (ids: string[], cards: { id: string; title: string }[]) =>
      ids.flatMap((id) => cards.filter((c) => c.id === id).map((c) => ({ id, title: c.title })));
    return {
      record,
      courses: named(record.featuredCourseIds, page.featuredCourses),
      bundles: named(record.featuredBundleIds, page.featuredBundles),
    };
  });
  return (
    <section id="home-page" aria-labelledby="home-page-title" tabindex="-1">
      <h2 id="home-page-title">Home page</h2>
      <Async
        data={data.data}
        fallback={<SkeletonBlock height={30} label="Loading the home page…" />}
        retry={data.reload}
      >
        {(d) => <HomeForm site={props.site} initial={d()} onSaved={data.reload} />}
      </Async>
    </section>
  );
}

function HomeForm(props: { site: SiteApi; initial: HomeData; onSaved: () => void }) {
  const { api } = useApp();
  const init = props.initial;
  const [title, setTitle] = createSignal(init.record.hero.title);
  const [text, setText] = createSignal(init.record.hero.text);
  const [ctaLabel, setCtaLabel] = createSignal(init.record.hero.ctaLabel);
  const [ctaHref, setCtaHref] = createSignal(init.record.hero.ctaHref);
  const [courses, setCourses] = createSignal<Picked[]>(init.courses);
  const [bundles, setBundles] = createSignal<Picked[]>(init.bundles);
  const [quotes, setQuotes] = createSignal<Testimonial[]>(init.record.testimonials);

  const searchCourses = async (q: string): Promise<Picked[]> => {
    const list = await api.getJson<{ items: { id: string; title: string }[] }>(
      `/api/courses?q=${encodeURIComponent(q)}&page=1&pageSize=10`,
    );
    return list.items.map((c) => ({ id: c.id, title: c.title }));
  };
  const searchBundles = async (q: string): Promise<Picked[]> => {
    const list = await api.getJson<{ items: { id: string; title: string }[] }>(
      `/api/bundles?q=${encodeURIComponent(q)}`,
    );
    return list.items.map((b) => ({ id: b.id, title: b.title }));
  };

  const {
    submit: save,
    busy,
    error,
    errors,
    notice,
  } = createSave(async () => {
    await props.site.saveHome({
      hero: { title: title(), text: text(), ctaLabel: ctaLabel(), ctaHref: ctaHref() },
      featuredCourseIds: courses().map((c) => c.id),
      featuredBundleIds: bundles().map((b) => b.id),
      testimonials: quotes(),
    });
    props.onSaved();
    return 'Home page saved.';
  });

  return (
    <form class="admin-form site-home-form" onSubmit={save} aria-describedby="site-home-error" novalidate>
      <FormNotice id="site-home-error" error={error()} success={notice()} />
      <fieldset>
        <legend>Hero</legend>
        <TextField
          id="hero-title"
          label="Title"
          value={title()}
          onValue={setTitle}
          maxLength={120}
          required
          error={errors()['hero.title']}
        />
        <TextAreaField
          id="hero-text"
          label="Text"
          value={text()}
          onValue={setText}
          maxLength={600}
          error={errors()['hero.text']}
        />
        <div class="field-row">
          <TextField
            id="hero-cta-label"
            label="Button label"
            value={ctaLabel()}
            onValue={setCtaLabel}
            maxLength={40}
            required
            error={errors()['hero.ctaLabel']}
          />
          <TextField
            id="hero-cta-href"
            label="Button link"
            hint="A path on this site (/courses) or an https:// address."
            value={ctaHref()}
            onValue={setCtaHref}
            maxLength={300}
            required
            error={errors()['hero.ctaHref']}
          />
        </div>
      </fieldset>
      <Picker
        id="featured-courses"
        legend="Featured courses"
        what="course"
        max={12}
        items={courses()}
        onItems={setCourses}
        search={searchCourses}
      />
      <Picker
        id="featured-bundles"
        legend="Featured bundles"
        what="bundle"
        max={6}
        items={bundles()}
        onItems={setBundles}
        search={searchBundles}
      />
      <Testimonials items={quotes()} onItems={setQuotes} errors={errors()} />
      <p class="small muted">Last saved {formatDateTime(init.record.updatedAt)}.</p>
      <button type="submit" class="button button-primary" disabled={busy()}>
        {busy() ? 'Saving…' : 'Save home page'}
      </button>
    </form>
  );
}

/** An ordered list of featured items: search the published ones, add, move up or down, remove. */
function Picker(props: {
  id: string;
  legend: string;
  what: string;
  max: number;
  items: Picked[];
  onItems: (items: Picked[]) => void;
  search: (q: string) => Promise<Picked[]>;
}) {
  const [q, setQ] = createSignal('');
  const [found, setFound] = createSignal<Picked[] | null>(null);
  const searching = createAction(async () => {
    setFound(await props.search(q().trim()));
  });
  const run = searching.run;
  const error = searching.error;
  const has = (id: string) => props.items.some((i) => i.id === id);
  return (
    <fieldset class="site-picker">
      <legend>{props.legend}</legend>
      <Show when={props.items.length} fallback={<p class="muted">No {props.what}s featured.</p>}>
        <ol class="site-picked" aria-label={`${props.legend}, in order`}>
          <For each={props.items}>
            {(item, i) => (
              <li>
                <span class="site-picked-title">{item.title}</span>
                <span class="site-picked-actions">
                  <button
                    type="button"
                    class="button button-small button-ghost"
                    disabled={i() === 0}
                    onClick={() => props.onItems(move(props.items, i(), i() - 1))}
                  >
                    Up<span class="sr-only"> {item.title}</span>
                  </button>
                  <button
                    type="button"
                    class="button button-small button-ghost"
                    disabled={i() === props.items.length - 1}
                    onClick={() => props.onItems(move(props.items, i(), i() + 1))}
                  >
                    Down<span class="sr-only"> {item.title}</span>
                  </button>
                  <button
                    type="button"
                    class="button button-small button-ghost"
                    onClick={() => props.onItems(props.items.filter((x) => x.id !== item.id))}
                  >
                    Remove<span class="sr-only"> {item.title}</span>
                  </button>
                </span>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <div class="site-picker-search">
        <TextField
          id={`${props.id}-q`}
          type="search"
          label={`Find a published ${props.what}`}
          value={q()}
          onValue={setQ}
          maxLength={200}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void run();
            }
          }}
        />
        <button type="button" class="button button-secondary" onClick={() => void run()}>
          Search<span class="sr-only"> {props.what}s</span>
        </button>
      </div>
      <Show when={error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
      <Show when={found()}>
        {(list) => (
          <Show
            when={list().length}
            fallback={
              <p class="muted" role="status">
                No published {props.what}s match.
              </p>
            }
          >
            <ul class="site-found" aria-label={`Search results: ${props.what}s`}>
              <For each={list()}>
                {(item) => (
                  <li>
                    <span>{item.title}</span>
                    <button
                      type="button"
                      class="button button-small button-secondary"
                      disabled={has(item.id) || props.items.length >= props.max}
                      onClick={() => props.onItems([...props.items, item])}
                    >
                      {has(item.id) ? 'Added' : 'Add'}
                      <span class="sr-only"> {item.title}</span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </fieldset>
  );
}

function Testimonials(props: {
  items: Testimonial[];
  onItems: (items: Testimonial[]) => void;
  errors: Record<string, string>;
}) {
  const set = (i: number, patch: Partial<Testimonial>) =>
    props.onItems(props.items.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <fieldset class="site-testimonials">
      <legend>Testimonials</legend>
      <Show when={props.items.length} fallback={<p class="muted">No testimonials.</p>}>
        <ol class="site-testimonial-list">
          <Index each={props.items}>
            {(t, i) => (
              <li>
                <TextAreaField
                  id={`quote-${i}`}
                  label={`Quote ${i + 1}`}
                  value={t().quote}
                  onValue={(v) => set(i, { quote: v })}
                  maxLength={500}
                  error={props.errors[`testimonials.${i}.quote`]}
                />
                <div class="field-row">
                  <TextField
                    id={`quote-name-${i}`}
                    label={`Name (quote ${i + 1})`}
                    value={t().name}
                    onValue={(v) => set(i, { name: v })}
                    maxLength={80}
                    error={props.errors[`testimonials.${i}.name`]}
                  />
                  <TextField
                    id={`quote-role-${i}`}
                    label={`Role (quote ${i + 1}, optional)`}
                    value={t().role}
                    onValue={(v) => set(i, { role: v })}
                    maxLength={80}
                  />
                </div>
                <div class="site-picked-actions">
                  <button
                    type="button"
                    class="button button-small button-ghost"
                    disabled={i === 0}
                    onClick={() => props.onItems(move(props.items, i, i - 1))}
                  >
                    Up<span class="sr-only"> quote {i + 1}</span>
                  </button>
                  <button
                    type="button"
                    class="button button-small button-ghost"
                    disabled={i === props.items.length - 1}
                    onClick={() => props.onItems(move(props.items, i, i + 1))}
                  >
                    Down<span class="sr-only"> quote {i + 1}</span>
                  </button>
                  <ConfirmButton
                    label="Remove"
                    what={`quote ${i + 1}`}
                    question="The quote leaves the form; it is gone from the home page once you save."
                    onConfirm={() => props.onItems(props.items.filter((_, j) => j !== i))}
                  />
                </div>
              </li>
            )}
          </Index>
        </ol>
      </Show>
      <button
        type="button"
        class="button button-secondary"
        disabled={props.items.length >= 12}
        onClick={() => props.onItems([...props.items, { quote: '', name: '', role: '' }])}
      >
        Add a testimonial
      </button>
    </fieldset>
  );
}

function LegalEditor(props: { site: SiteApi }) {
  const pages = useList(() => props.site.adminLegal());
  const [slug, setSlug] = createSignal<LegalSlug>('terms');
  return (
    <section id="legal" aria-labelledby="legal-title" tabindex="-1">
      <h2 id="legal-title">Legal pages</h2>
      <SelectField
        id="legal-page"
        label="Page"
        value={slug()}
        onValue={(v) => setSlug(v as LegalSlug)}
        options={LEGAL_LINKS.map((l) => ({ value: l.slug, label: l.label }))}
      />
      <Async
        data={pages.data}
        fallback={<SkeletonBlock height={30} label="Loading the legal pages…" />}
        retry={pages.reload}
      >
        {(list) => (
          <For each={[slug()]}>
            {(s) => (
              <LegalForm
                site={props.site}
                slug={s}
                page={list().items.find((p) => p.slug === s)}
                onSaved={pages.reload}
              />
            )}
          </For>
        )}
      </Async>
    </section>
  );
}

function LegalForm(props: { site: SiteApi; slug: LegalSlug; page: LegalPage | undefined; onSaved: () => void }) {
  const label = LEGAL_LINKS.find((l) => l.slug === props.slug)?.label ?? props.slug;
  const [title, setTitle] = createSignal(props.page?.title ?? label);
  const [body, setBody] = createSignal(props.page?.body ?? '');
  const [published, setPublished] = createSignal(props.page?.published ?? true);
  const {
    submit: save,
    busy,
    error,
    errors,
    notice,
  } = createSave(async () => {
    await props.site.saveLegal(props.slug, { title: title(), body: body(), published: published() });
    props.onSaved();
    return `${label} saved.`;
  });
  return (
    <form class="admin-form" onSubmit={save} aria-describedby="legal-error" novalidate>
      <FormNotice id="legal-error" error={error()} success={notice()} />
      <Show when={props.page} fallback={<p class="muted">This page is not written yet.</p>}>
        {(p) => (
          <p class="small muted">
            Last saved {formatDateTime(p().updatedAt)} ·{' '}
            <a href={`/legal/${props.slug}`} target="_blank" rel="noopener">
              View the page<span class="sr-only"> (opens in a new tab)</span>
            </a>
          </p>
        )}
      </Show>
      <TextField
        id="legal-title-input"
        label="Title"
        value={title()}
        onValue={setTitle}
        maxLength={120}
        required
        error={errors().title}
      />
      <MarkdownField
        id="legal-body"
        label="Text (Markdown)"
        value={body()}
        onValue={setBody}
        rows={16}
        maxLength={50_000}
        error={errors().body}
      />
      <CheckboxField id="legal-published" label="Published" checked={published()} onChecked={setPublished} />
      <button type="submit" class="button button-primary" disabled={busy()}>
        {busy() ? 'Saving…' : `Save ${label.toLowerCase()}`}
      </button>
    </form>
  );
}
