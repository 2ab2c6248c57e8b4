import { createAsync, useIsRouting, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show, Suspense } from 'solid-js';
import type { CourseSort, Difficulty, PriceBand } from '../../../edge/api-types.ts';
import { Async } from '../components/Async.tsx';
import { CourseCard } from '../components/CourseCard.tsx';
import { inChunks, Later } from '../components/Later.tsx';
import { SearchForm } from '../components/SearchForm.tsx';
import { SkeletonBlock, SkeletonCards } from '../components/Skeleton.tsx';
import {
  type CatalogState,
  DIFFICULTIES,
  EMPTY_CATALOG_STATE,
  effectiveSort,
  hasFilters,
  PAGE_SIZE,
  PRICE_BANDS,
  PRICE_LABELS,
  pageCount,
  pageWindow,
  parseCatalogQuery,
  SORT_LABELS,
  SORTS,
  toApiQuery,
  toCatalogSearch,
  toggleCategory,
  withFilters,
} from '../lib/catalog-query.ts';
import { useApp } from '../lib/context.ts';
import { DIFFICULTY_LABELS, plural } from '../lib/format.ts';
import { refetch, settle } from '../lib/queries.ts';
import { usePageTitle } from '../lib/title.ts';

/** Cards in the first screen of a phone or a laptop: rendered with the page, the rest just after. */
const FIRST_SCREEN_CARDS = 3;

export default function Catalog() {
  const { queries } = useApp();
  const location = useLocation();
  const navigate = useNavigate();
  const isRouting = useIsRouting();

  const state = createMemo(() => parseCatalogQuery(location.search), EMPTY_CATALOG_STATE, {
    equals: (a, b) => toApiQuery(a) === toApiQuery(b),
  });
  // Started by the route's preload (App.tsx) while this page's code loaded.
  const courses = createAsync(() => settle(queries.courses(toApiQuery(state()))));
  const categories = createAsync(() => settle(queries.categories()));
  const retryCourses = () => refetch(queries.courses, toApiQuery(state()));

  usePageTitle(() => (state().q ? `“${state().q}”: courses` : 'Courses'));

  let resultsHeading: HTMLHeadingElement | undefined;
  const hrefFor = (next: CatalogState) => `/courses${toCatalogSearch(next)}`;
  const go = (next: CatalogState) => navigate(hrefFor(next), { scroll: false });

  // The search box is editable; it follows the URL when that changes (back button, links).
  const [query, setQuery] = createSignal(state().q);
  createEffect(
    on(
      () => state().q,
      (q) => setQuery(q),
      { defer: true },
    ),
  );

  const onSearch = (e: SubmitEvent) => {
    e.preventDefault();
    const q = query().trim();
    go(withFilters(state(), { q, sort: state().sort === 'relevance' && !q ? null : state().sort }));
  };

  /** The courses answer, once there is one (reading it suspends until then). */
  const list = () => {
    const r = courses();
    return r?.ok ? r.value : undefined;
  };
  // Read where it is shown (inside a Suspense boundary), not in a memo here: a memo would
  // suspend the whole page until the courses arrive.
  const categoryCount = (slug: string) => list()?.categories.find((c) => c.slug === slug)?.count ?? 0;

  const statusText = () => {
    const l = list();
    return l ? plural(l.total, 'course', 'courses') : 'Courses could not be loaded.';
  };
  const pages = () => {
    const l = list();
    return l ? pageCount(l.total, l.pageSize || PAGE_SIZE) : 1;
  };

  const goToPage = (e: MouseEvent, page: number) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(hrefFor({ ...state(), page }), { scroll: false });
    requestAnimationFrame(() => {
      resultsHeading?.focus({ preventScroll: true });
      resultsHeading?.scrollIntoView({ block: 'start' });
    });
  };

  const [filtersOpen, setFiltersOpen] = createSignal(false);
  const activeFilters = () => state().categories.length + (state().difficulty ? 1 : 0) + (state().price ? 1 : 0);

  const sortOptions = () => SORTS.filter((s) => s !== 'relevance' || state().q);

  return (
    <div class="container catalog">
      <h1>Courses</h1>
      <SearchForm
        id="catalog-search"
        label="Search courses"
        placeholder="Search by title, topic or skill"
        value={query()}
        onInput={setQuery}
        onSearch={onSearch}
      />

      <div class="catalog-layout">
        <aside class="filters" aria-labelledby="filters-title">
          <div class="filters-head">
            <h2 id="filters-title">Filter courses</h2>
            {/* Small screens only: the filters fold away above the results. */}
            <button
              type="button"
              class="button button-secondary button-small filters-toggle"
              aria-expanded={filtersOpen()}
              aria-controls="filters-panel"
              onClick={() => setFiltersOpen(!filtersOpen())}
            >
              {filtersOpen()
                ? 'Hide filters'
                : activeFilters() > 0
                  ? `Show filters (${activeFilters()} active)`
                  : 'Show filters'}
            </button>
          </div>
          <div id="filters-panel" class="filters-panel" data-open={filtersOpen() ? 'true' : 'false'}>
            {/* Folded away on phones: rendered in a task of its own, just after the first screen. */}
            <Later>
              <fieldset>
                <legend>Category</legend>
                <Async
                  data={categories}
                  fallback={<SkeletonBlock height={10} label="Loading categories…" />}
                  error={() => <p class="muted">Categories could not be loaded.</p>}
                >
                  {(cats) => (
                    <ul class="choice-list">
                      <For each={cats().items}>
                        {(cat) => {
                          const id = `category-${cat.slug}`;
                          const count = () => categoryCount(cat.slug);
                          return (
                            <li class="choice">
                              <input
                                type="checkbox"
                                id={id}
                                name="category"
                                value={cat.slug}
                                checked={state().categories.includes(cat.slug)}
                                onChange={(e) => go(toggleCategory(state(), cat.slug, e.currentTarget.checked))}
                                aria-describedby={`${id}-count`}
                              />
                              <label for={id}>{cat.name}</label>
                              <span class="facet-count" aria-hidden="true">
                                {count()}
                              </span>
                              <span class="sr-only" id={`${id}-count`}>
                                {plural(count(), 'course', 'courses')}
                              </span>
                            </li>
                          );
                        }}
                      </For>
                    </ul>
                  )}
                </Async>
              </fieldset>

              <RadioGroup
                legend="Difficulty"
                name="difficulty"
                options={DIFFICULTIES.map((d) => ({ value: d, label: DIFFICULTY_LABELS[d] }))}
                selected={state().difficulty}
                onSelect={(v) => go(withFilters(state(), { difficulty: v as Difficulty | null }))}
              />

              <RadioGroup
                legend="Price"
                name="price"
                options={PRICE_BANDS.map((p) => ({ value: p, label: PRICE_LABELS[p] }))}
                selected={state().price}
                onSelect={(v) => go(withFilters(state(), { price: v as PriceBand | null }))}
              />

              <Show when={hasFilters(state())}>
                <button
                  type="button"
                  class="button button-secondary button-small"
                  onClick={() => go(EMPTY_CATALOG_STATE)}
                >
                  Clear all filters
                </button>
              </Show>
            </Later>
          </div>
        </aside>

        <section class="results" aria-labelledby="results-title">
          <h2 id="results-title" class="sr-only" tabindex="-1" ref={resultsHeading}>
            Results
          </h2>
          <div class="results-bar">
            <Suspense
              fallback={
                <p role="status" class="result-count">
                  Loading courses…
                </p>
              }
            >
              <p role="status" class="result-count">
                {statusText()}
              </p>
            </Suspense>
            <div class="sort">
              <label for="catalog-sort">Sort by</label>
              <select
                id="catalog-sort"
                value={effectiveSort(state())}
                onChange={(e) => go(withFilters(state(), { sort: e.currentTarget.value as CourseSort }))}
              >
                <For each={sortOptions()}>
                  {(s) => (
                    <option value={s} selected={s === effectiveSort(state())}>
                      {SORT_LABELS[s]}
                    </option>
                  )}
                </For>
              </select>
            </div>
          </div>

          <Async data={courses} fallback={<SkeletonCards count={PAGE_SIZE} />} retry={retryCourses}>
            {(l) => (
              <Show
                when={l().items.length > 0}
                fallback={
                  <div class="empty-state">
                    <Show
                      when={l().total > 0}
                      fallback={
                        <>
                          <p>No courses match your search and filters.</p>
                          <Show when={hasFilters(state())}>
                            <button
                              type="button"
                              class="button button-secondary"
                              onClick={() => go(EMPTY_CATALOG_STATE)}
                            >
                              Clear all filters
                            </button>
                          </Show>
                        </>
                      }
                    >
                      <p>There are no courses on this page.</p>
                      <a href={hrefFor({ ...state(), page: 1 })}>Go to the first page</a>
                    </Show>
                  </div>
                }
              >
                <div class="card-grid" aria-busy={isRouting()}>
                  <For each={l().items.slice(0, FIRST_SCREEN_CARDS)}>
                    {(course) => <CourseCard course={course} headingLevel={3} eagerCover />}
                  </For>
                  {/* The rest after the first screen, a few per task (components/Later.tsx). */}
                  <For each={inChunks(l().items.slice(FIRST_SCREEN_CARDS), 3)}>
                    {(run) => (
                      <Later>
                        <For each={run}>{(course) => <CourseCard course={course} headingLevel={3} />}</For>
                      </Later>
                    )}
                  </For>
                </div>
              </Show>
            )}
          </Async>

          <Suspense>
            <Show when={pages() > 1}>
              <nav class="pagination" aria-label="Pagination">
                <ul>
                  <Show when={state().page > 1}>
                    <li>
                      <a
                        href={hrefFor({ ...state(), page: state().page - 1 })}
                        on:click={(e) => goToPage(e, state().page - 1)}
                        rel="prev"
                      >
                        Previous page
                      </a>
                    </li>
                  </Show>
                  <For each={pageWindow(state().page, pages())}>
                    {(n) => (
                      <li>
                        <Show when={n !== null} fallback={<span aria-hidden="true">…</span>}>
                          <a
                            href={hrefFor({ ...state(), page: n! })}
                            on:click={(e) => goToPage(e, n!)}
                            aria-current={n === state().page ? 'page' : undefined}
                            aria-label={`Page ${n}`}
                          >
                            {n}
                          </a>
                        </Show>
                      </li>
                    )}
                  </For>
                  <Show when={state().page < pages()}>
                    <li>
                      <a
                        href={hrefFor({ ...state(), page: state().page + 1 })}
                        on:click={(e) => goToPage(e, state().page + 1)}
                        rel="next"
                      >
                        Next page
                      </a>
                    </li>
                  </Show>
                </ul>
              </nav>
            </Show>
          </Suspense>
        </section>
      </div>
    </div>
  );
}

function RadioGroup(props: {
  legend: string;
  name: string;
  options: { value: string; label: string }[];
  selected: string | null;
  onSelect: (value: string | null) => void;
}) {
  const all = () => [{ value: '', label: 'Any' }, ...props.options];
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <ul class="choice-list">
        <For each={all()}>
          {(opt) => {
            const id = `${props.name}-${opt.value || 'any'}`;
            return (
              <li class="choice">
                <input
                  type="radio"
                  id={id}
                  name={props.name}
                  value={opt.value}
                  checked={(props.selected ?? '') === opt.value}
                  onChange={() => props.onSelect(opt.value || null)}
                />
                <label for={id}>{opt.label}</label>
              </li>
            );
          }}
        </For>
      </ul>
    </fieldset>
  );
}
