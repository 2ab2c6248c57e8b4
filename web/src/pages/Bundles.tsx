import { createAsync, useIsRouting, useLocation, useNavigate } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show, Suspense } from 'solid-js';
import { Async } from '../components/Async.tsx';
import { BundleCard } from '../components/BundleCard.tsx';
import { SearchForm } from '../components/SearchForm.tsx';
import { SkeletonBlock, SkeletonCards } from '../components/Skeleton.tsx';
import {
  type BundleState,
  EMPTY_BUNDLE_STATE,
  hasBundleFilters,
  parseBundleQuery,
  toBundleSearch,
} from '../lib/bundle-query.ts';
import { bundleQueries } from '../lib/bundles-api.ts';
import { PRICE_BANDS, PRICE_LABELS } from '../lib/catalog-query.ts';
import { useApp } from '../lib/context.ts';
import { plural } from '../lib/format.ts';
import { refetch, settle } from '../lib/queries.ts';
import { usePageTitle } from '../lib/title.ts';
import '../styles/bundles.css';

/**
 * /bundles: the bundles on sale, filtered by category, price band and a search, all kept in the
 * URL (the back button and shared links work, as on the catalog page).
 */
export default function Bundles() {
  const { api, queries } = useApp();
  const bq = bundleQueries(api);
  const location = useLocation();
  const navigate = useNavigate();
  const isRouting = useIsRouting();

  const state = createMemo(() => parseBundleQuery(location.search), EMPTY_BUNDLE_STATE, {
    equals: (a, b) => toBundleSearch(a) === toBundleSearch(b),
  });
  const bundles = createAsync(() => settle(bq.bundles(toBundleSearch(state()))));
  const categories = createAsync(() => settle(queries.categories()));
  usePageTitle(() => 'Course bundles');

  const go = (next: BundleState) => navigate(`/bundles${toBundleSearch(next)}`, { scroll: false });

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
    go({ ...state(), q: query().trim() });
  };

  const list = () => {
    const r = bundles();
    return r?.ok ? r.value : undefined;
  };

  return (
    <div class="container section bundles-page">
      <h1>Course bundles</h1>
      <p class="lead">Courses that belong together, for less than buying them one by one.</p>

      <SearchForm
        id="bundle-search"
        label="Search bundles"
        placeholder="Search by bundle or course title"
        value={query()}
        onInput={setQuery}
        onSearch={onSearch}
      />

      <div class="catalog-layout">
        <aside class="filters bundle-filters" aria-labelledby="bundle-filters-title">
          <h2 id="bundle-filters-title">Filter bundles</h2>
          <fieldset>
            <legend>Category</legend>
            <Async
              data={categories}
              fallback={<SkeletonBlock height={10} label="Loading categories…" />}
              error={() => <p class="muted">Categories could not be loaded.</p>}
            >
              {(cats) => (
                <Choices
                  name="category"
                  options={cats().items.map((c) => ({ value: c.slug, label: c.name }))}
                  selected={state().category}
                  onSelect={(category) => go({ ...state(), category })}
                />
              )}
            </Async>
          </fieldset>
          <fieldset>
            <legend>Price</legend>
            <Choices
              name="price"
              options={PRICE_BANDS.map((p) => ({ value: p, label: PRICE_LABELS[p] }))}
              selected={state().price}
              onSelect={(price) => go({ ...state(), price: price as BundleState['price'] })}
            />
          </fieldset>
          <Show when={hasBundleFilters(state())}>
            <button type="button" class="button button-secondary button-small" onClick={() => go(EMPTY_BUNDLE_STATE)}>
              Clear all filters
            </button>
          </Show>
        </aside>

        <section class="results" aria-labelledby="bundle-results-title">
          <h2 id="bundle-results-title" class="sr-only">
            Bundles
          </h2>
          <Suspense
            fallback={
              <p role="status" class="result-count">
                Loading bundles…
              </p>
            }
          >
            <p role="status" class="result-count">
              {list() ? plural(list()!.items.length, 'bundle', 'bundles') : 'Bundles could not be loaded.'}
            </p>
          </Suspense>
          <Async
            data={bundles}
            fallback={<SkeletonCards count={3} />}
            retry={() => refetch(bq.bundles, toBundleSearch(state()))}
          >
            {(l) => (
              <Show
                when={l().items.length > 0}
                fallback={
                  <div class="empty-state">
                    <p>No bundles match your search and filters.</p>
                    <Show when={hasBundleFilters(state())}>
                      <button type="button" class="button button-secondary" onClick={() => go(EMPTY_BUNDLE_STATE)}>
                        Clear all filters
                      </button>
                    </Show>
                  </div>
                }
              >
                <div class="card-grid bundle-grid" aria-busy={isRouting()}>
                  <For each={l().items}>{(bundle) => <BundleCard bundle={bundle} headingLevel={3} linkTitle />}</For>
                </div>
              </Show>
            )}
          </Async>
        </section>
      </div>
    </div>
  );
}

/** A radio group with "Any" first; choosing one goes to the filtered URL. */
function Choices(props: {
  name: string;
  options: { value: string; label: string }[];
  selected: string | null;
  onSelect: (value: string | null) => void;
}) {
  const all = () => [{ value: '', label: 'Any' }, ...props.options];
  return (
    <ul class="choice-list">
      <For each={all()}>
        {(opt) => {
          const id = `bundle-${props.name}-${opt.value || 'any'}`;
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
  );
}
