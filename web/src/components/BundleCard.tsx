import { For, Show } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import type { BundleCard as BundleCardData } from '../../../edge/api-types.ts';
import { addToCart, inCart } from '../lib/cart.ts';
import { useApp } from '../lib/context.ts';
import { formatMoney, plural } from '../lib/format.ts';
import { CourseCover } from './CourseCover.tsx';

/** The share of the list total a bundle saves, in whole percent ("10%"). */
export function savingsPercent(b: Pick<BundleCardData, 'savings' | 'listTotal'>): string {
  return b.listTotal > 0 ? `${Math.round((b.savings * 100) / b.listTotal)}%` : '0%';
}

/**
 * One bundle: its cover (the image, or a generated one like a course's), the courses in it, the
 * price of the courses bought one by one struck through beside the bundle price, the savings and
 * the rules in words; "Buy bundle" goes to the Payment page with the bundle, "Add to cart" keeps it.
 * `linkTitle` makes the title a link to the bundle's page (not on that page itself).
 */
export function BundleCard(props: { bundle: BundleCardData; headingLevel?: 1 | 2 | 3; linkTitle?: boolean }) {
  const { announce } = useApp();
  const b = () => props.bundle;
  const money = (amount: number) => formatMoney({ amount, currency: b().currency });
  const titleId = () => `bundle-${b().id}-title`;
  const added = () => inCart('bundle', b().id);
  const add = () => {
    if (added()) return;
    if (addToCart({ kind: 'bundle', id: b().id, title: b().title })) announce(`${b().title} is in your cart.`);
    else announce('Your cart is full. Remove something first.');
  };

  return (
    <article class="bundle-card" aria-labelledby={titleId()}>
      <CourseCover slug={b().slug} title={b().title} thumbnailUrl={b().imageUrl} />
      <div class="bundle-card-body">
        <Show when={b().category}>{(cat) => <p class="eyebrow">{cat().name}</p>}</Show>
        <Dynamic component={`h${props.headingLevel ?? 2}`} class="bundle-card-title" id={titleId()}>
          <Show when={props.linkTitle} fallback={b().title}>
            <a href={`/bundles/${encodeURIComponent(b().slug)}`}>{b().title}</a>
          </Show>
        </Dynamic>
        <Show when={b().description}>
          <p class="bundle-card-description">{b().description}</p>
        </Show>

        <Dynamic
          component={`h${(props.headingLevel ?? 2) + 1}`}
          class="bundle-courses-title"
          id={`bundle-${b().id}-courses`}
        >
          {plural(b().courses.length, 'course', 'courses')} included
        </Dynamic>
        <ul class="bundle-courses" aria-labelledby={`bundle-${b().id}-courses`}>
          <For each={b().courses}>
            {(course) => (
              <li>
                <a href={`/courses/${encodeURIComponent(course.slug)}`}>{course.title}</a>
                <span class="bundle-course-price">{money(course.priceAmount)}</span>
              </li>
            )}
          </For>
        </ul>

        <div class="bundle-pricing">
          <p class="bundle-price">
            <span class="sr-only">Bundle price: </span>
            <span class="price price-large">{money(b().bundlePrice)}</span>
            <Show when={b().savings > 0}>
              {' '}
              <s class="bundle-list-total">
                <span class="sr-only">instead of </span>
                {money(b().listTotal)}
              </s>
            </Show>
          </p>
          <Show when={b().savings > 0}>
            <p class="bundle-savings">
              You save {money(b().savings)} ({savingsPercent(b())})
            </p>
          </Show>
          <Show when={b().rulesText}>
            {(text) => (
              <p class="bundle-rules">
                <span class="bundle-rules-label">Bundle discount:</span> {text()}
              </p>
            )}
          </Show>
        </div>

        <div class="bundle-actions">
          <a
            href={`/checkout?bundle=${encodeURIComponent(b().id)}`}
            class="button button-primary"
            aria-describedby={titleId()}
          >
            Buy bundle
          </a>
          <button
            type="button"
            class="button button-secondary"
            aria-describedby={titleId()}
            aria-disabled={added() ? 'true' : undefined}
            onClick={add}
          >
            {added() ? 'In your cart' : 'Add to cart'}
          </button>
        </div>
      </div>
    </article>
  );
}
