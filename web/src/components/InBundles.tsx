import { createAsync } from '@solidjs/router';
import { For, Show, Suspense } from 'solid-js';
import { bundleQueries } from '../lib/bundles-api.ts';
import { useApp } from '../lib/context.ts';
import { formatMoney, plural } from '../lib/format.ts';
import { settle } from '../lib/queries.ts';
import '../styles/bundles.css';

/**
 * "See in bundle" on a course page: the bundles on sale holding this course, with what each
 * saves ("Save 10% in Data science path"). Nothing shows when there is none, or when they could
 * not be loaded (the page is about the course; this is a hint).
 */
export function InBundles(props: { courseSlug: string }) {
  const { api } = useApp();
  const bq = bundleQueries(api);
  const bundles = createAsync(() => settle(bq.courseBundles(props.courseSlug)));
  const items = () => {
    const r = bundles();
    return r?.ok ? r.value.items : [];
  };
  return (
    <Suspense>
      <Show when={items().length > 0}>
        <section class="panel in-bundles" aria-labelledby="in-bundles-title">
          <h2 id="in-bundles-title">See in bundle</h2>
          <ul class="in-bundles-list">
            <For each={items()}>
              {(b) => (
                <li>
                  <a href={`/bundles/${encodeURIComponent(b.slug)}`}>
                    {b.discountText ? `${b.discountText} in ${b.title}` : `Included in ${b.title}`}
                  </a>
                  <span class="muted">
                    {' '}
                    {plural(b.courses.length, 'course', 'courses')} for{' '}
                    {formatMoney({ amount: b.bundlePrice, currency: b.currency })}
                    <Show when={b.savings > 0}>
                      {' '}
                      instead of {formatMoney({ amount: b.listTotal, currency: b.currency })}
                    </Show>
                  </span>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>
    </Suspense>
  );
}
