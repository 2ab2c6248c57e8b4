import { createEffect, createResource, createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import type { CourseReviews, Review } from '../../../../edge/api-types.ts';
import { useApp } from '../../lib/context.ts';
import { formatDate, plural } from '../../lib/format.ts';
import { reviewsApi } from '../../lib/reviews-api.ts';
import { createAction } from '../../lib/submit.ts';
import { ErrorMessage, ErrorNotice, Loading } from '../Notices.tsx';
import { ReportButton } from '../ReportButton.tsx';
import { Stars } from '../Stars.tsx';
import { RatingChart } from './RatingChart.tsx';
import '../../styles/reviews.css';

/**
 * A course's reviews: the rating with its distribution, the caller's own review (write, edit,
 * delete) when they are enrolled, and the reviews, newest first, with the instructor's replies.
 * Comments and replies are plain text: rendered as text nodes, never as markdown or HTML.
 * Admins get Hide / Show on each review.
 */
export function ReviewsSection(props: {
  slug: string;
  headingLevel?: 2 | 3;
  signedIn: boolean;
  /** Anything that changes whether the caller may review (their enrollment): the reviews are asked again. */
  version?: string;
}) {
  const { api, announce } = useApp();
  const calls = reviewsApi(api);
  const [page, setPage] = createSignal(1);
  const [data, { refetch, mutate }] = createResource(
    () => [props.slug, page(), props.signedIn, props.version] as const,
    ([slug, p]) => calls.courseReviews(slug, p),
  );
  const H = (p: { id: string; children: string }) =>
    props.headingLevel === 3 ? <h3 id={p.id}>{p.children}</h3> : <h2 id={p.id}>{p.children}</h2>;
  const replaceReview = (r: Review) => {
    const d = data.latest;
    if (d) mutate({ ...d, items: d.items.map((x) => (x.id === r.id ? r : x)) });
  };

  return (
    <section class="reviews" aria-labelledby="reviews-title">
      <H id="reviews-title">Reviews</H>
      <Switch>
        <Match when={data.error && !data.latest}>
          <ErrorNotice error={data.error} retry={refetch} />
        </Match>
        <Match when={!data.latest}>
          <Loading label="Loading the reviews…" />
        </Match>
        <Match when={data.latest}>
          {(d) => (
            <>
              <div class="reviews-summary">
                <div>
                  <p class="reviews-average" aria-hidden="true">
                    {d().count > 0 ? d().average.toFixed(1) : '–'}
                  </p>
                  <Stars average={d().average} count={d().count} />
                </div>
                <Show when={d().count > 0}>
                  <RatingChart distribution={d().distribution} />
                </Show>
              </div>
              <Show when={d().canReview}>
                <OwnReview
                  slug={props.slug}
                  mine={d().mine}
                  onSaved={() => {
                    setPage(1);
                    void refetch();
                  }}
                />
              </Show>
              <Show when={d().items.length > 0} fallback={<p>No written reviews yet.</p>}>
                <ol class="review-list" aria-label="Reviews, newest first">
                  <For each={d().items}>
                    {(r) => (
                      <li>
                        <ReviewItem
                          review={r}
                          canHide={d().canHide}
                          canReport={props.signedIn && !r.mine && !r.hidden && !d().canHide}
                          onHidden={(updated) => {
                            replaceReview(updated);
                            announce(updated.hidden ? 'The review is hidden.' : 'The review is shown again.');
                          }}
                        />
                      </li>
                    )}
                  </For>
                </ol>
                <Pager data={d()} onPage={(p) => setPage(p)} />
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </section>
  );
}

function Pager(props: { data: CourseReviews; onPage: (p: number) => void }) {
  return (
    <Show when={props.data.pageCount > 1}>
      <nav class="pager" aria-label="Review pages">
        <button
          type="button"
          class="button button-secondary"
          disabled={props.data.page <= 1}
          onClick={() => props.onPage(props.data.page - 1)}
        >
          Newer reviews
        </button>
        <span class="small">
          Page {props.data.page} of {props.data.pageCount}
        </span>
        <button
          type="button"
          class="button button-secondary"
          disabled={props.data.page >= props.data.pageCount}
          onClick={() => props.onPage(props.data.page + 1)}
        >
          Older reviews
        </button>
      </nav>
    </Show>
  );
}

/** One review; its comment and reply are text only. */
export function ReviewItem(props: {
  review: Review;
  canHide?: boolean;
  /** Signed-in learners report others' reviews to the admins (components/ReportButton.tsx). */
  canReport?: boolean;
  onHidden?: (r: Review) => void;
}) {
  const { api } = useApp();
  const hide = createAction(async () => {
    const { review } = await reviewsApi(api).hide(props.review.id, !props.review.hidden);
    props.onHidden?.(review);
  });
  const r = () => props.review;
  return (
    <article class="review" classList={{ 'review-hidden': r().hidden }} aria-label={`Review by ${r().author}`}>
      <header class="review-head">
        <span class="review-author">
          {r().author}
          {r().mine ? ' (you)' : ''}
        </span>
        <span class="review-stars" aria-hidden="true">
          {'★'.repeat(r().rating)}
          <span class="review-stars-off">{'★'.repeat(5 - r().rating)}</span>
        </span>
        <span class="sr-only">Rated {r().rating} out of 5</span>
        <time class="small muted" datetime={r().createdAt}>
          {formatDate(r().createdAt)}
        </time>
        <Show when={r().hidden}>
          <span class="status-pill status-locked">Hidden</span>
        </Show>
      </header>
      <Show when={r().comment.trim()}>
        <p class="review-comment">{r().comment}</p>
      </Show>
      <Show when={r().reply}>
        <div class="review-reply">
          <p class="small">
            <strong>The instructor replied</strong>
            <Show when={r().repliedAt}>{(at) => <> on {formatDate(at())}</>}</Show>:
          </p>
          <p class="review-comment">{r().reply}</p>
        </div>
      </Show>
      <Show when={props.canHide}>
        <div class="review-actions">
          <button
            type="button"
            class="button button-secondary button-small"
            disabled={hide.busy()}
            onClick={() => hide.run()}
          >
            {r().hidden ? 'Show' : 'Hide'}
            <span class="sr-only"> the review by {r().author}</span>
          </button>
          <ErrorMessage message={hide.error()} />
        </div>
      </Show>
      <Show when={props.canReport}>
        <div class="review-actions">
          <ReportButton targetType="review" targetId={r().id} what={`the review by ${r().author}`} />
        </div>
      </Show>
    </article>
  );
}

/** The caller's review: 1-5 stars and a comment, written, changed or deleted. */
function OwnReview(props: { slug: string; mine: Review | null; onSaved: () => void }) {
  const { api, announce } = useApp();
  const calls = reviewsApi(api);
  const id = createUniqueId();
  const [rating, setRating] = createSignal(props.mine?.rating ?? 0);
  const [comment, setComment] = createSignal(props.mine?.comment ?? '');
  createEffect(() => {
    setRating(props.mine?.rating ?? 0);
    setComment(props.mine?.comment ?? '');
  });
  const save = createAction(async () => {
    if (rating() < 1) return 'Choose a rating from 1 to 5 stars.';
    await calls.saveReview(props.slug, { rating: rating(), comment: comment() });
    announce(props.mine ? 'Your review is updated.' : 'Thank you! Your review is published.');
    props.onSaved();
  });
  const remove = createAction(async () => {
    await calls.deleteReview(props.slug);
    announce('Your review is deleted.');
    props.onSaved();
  });
  return (
    <form
      class="panel review-form"
      aria-labelledby={`own-review-${id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save.run();
      }}
    >
      <p class="review-form-title" id={`own-review-${id}`}>
        {props.mine ? 'Your review' : 'Review this course'}
      </p>
      <fieldset class="star-picker">
        <legend>Your rating</legend>
        <For each={[1, 2, 3, 4, 5]}>
          {(n) => (
            <label class="star-option">
              <input
                type="radio"
                name={`rating-${id}`}
                value={n}
                checked={rating() === n}
                onChange={() => setRating(n)}
              />
              {plural(n, 'star', 'stars')}
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label for={`comment-${id}`}>Your comments (optional)</label>
        <textarea
          id={`comment-${id}`}
          rows={4}
          maxLength={5000}
          value={comment()}
          onInput={(e) => setComment(e.currentTarget.value)}
        />
      </div>
      <div class="review-form-actions">
        <button type="submit" class="button button-primary" disabled={save.busy()}>
          {save.busy() ? 'Saving…' : props.mine ? 'Update review' : 'Publish review'}
        </button>
        <Show when={props.mine}>
          <button type="button" class="button button-secondary" disabled={remove.busy()} onClick={() => remove.run()}>
            Delete review
          </button>
        </Show>
      </div>
      <ErrorMessage message={save.error() ?? remove.error()} />
    </form>
  );
}
