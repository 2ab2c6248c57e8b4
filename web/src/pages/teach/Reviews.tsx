import { A } from '@solidjs/router';
import { createResource, createSignal, createUniqueId, For, Match, Show, Switch } from 'solid-js';
import type { TeachReview } from '../../../../edge/api-types.ts';
import { ErrorMessage, ErrorNotice, Loading } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { ReviewItem } from '../../components/reviews/ReviewsSection.tsx';
import { useApp } from '../../lib/context.ts';
import { plural } from '../../lib/format.ts';
import { reviewsApi } from '../../lib/reviews-api.ts';
import { createAction } from '../../lib/submit.ts';
import { PageTitle } from '../../lib/title.ts';
import '../../styles/teach.css';
import '../../styles/reviews.css';

export default function TeachReviewsPage() {
  return (
    <RequireAuth>
      <TeachReviews />
    </RequireAuth>
  );
}

/** Reviews of the instructor's courses, newest first; unreplied ones on their own; a reply to each. */
function TeachReviews() {
  const { api } = useApp();
  const calls = reviewsApi(api);
  const [filter, setFilter] = createSignal<'all' | 'unreplied'>('all');
  const [page, setPage] = createSignal(1);
  const [list, { refetch, mutate }] = createResource(
    () => [page(), filter()] as const,
    ([p, f]) => calls.teachReviews(p, f),
  );
  const onReplied = (r: TeachReview) => {
    const l = list.latest;
    if (l) mutate({ ...l, items: l.items.map((x) => (x.id === r.id ? r : x)) });
  };
  return (
    <div class="container section teach">
      <PageTitle text="Course reviews" />
      <nav aria-label="Breadcrumb" class="breadcrumb">
        <ol>
          <li>
            <A href="/teach">Teaching</A>
          </li>
          <li aria-current="page">Reviews</li>
        </ol>
      </nav>
      <h1>Reviews of your courses</h1>
      <fieldset class="segmented">
        <legend>Show</legend>
        <label>
          <input
            type="radio"
            name="review-filter"
            checked={filter() === 'all'}
            onChange={() => {
              setFilter('all');
              setPage(1);
            }}
          />
          All reviews
        </label>
        <label>
          <input
            type="radio"
            name="review-filter"
            checked={filter() === 'unreplied'}
            onChange={() => {
              setFilter('unreplied');
              setPage(1);
            }}
          />
          Without a reply
          <Show when={list.latest}>{(l) => <> ({l().unreplied})</>}</Show>
        </label>
      </fieldset>
      <Switch>
        <Match when={list.error}>
          <ErrorNotice error={list.error} retry={refetch} />
        </Match>
        <Match when={!list.latest}>
          <Loading label="Loading the reviews…" />
        </Match>
        <Match when={list.latest}>
          {(l) => (
            <>
              <p role="status" class="muted">
                {l().items.length === 0
                  ? filter() === 'unreplied'
                    ? 'Every review has a reply.'
                    : 'Your courses have no reviews yet.'
                  : `Page ${l().page} of ${l().pageCount} · ${plural(l().unreplied, 'review', 'reviews')} without a reply`}
              </p>
              <ol class="review-list" aria-label="Reviews, newest first">
                <For each={l().items}>
                  {(r) => (
                    <li>
                      <p class="small">
                        On <A href={`/courses/${encodeURIComponent(r.course.slug)}`}>{r.course.title}</A>
                      </p>
                      <ReviewItem review={r} />
                      <ReplyForm review={r} onReplied={onReplied} />
                    </li>
                  )}
                </For>
              </ol>
              <Show when={l().pageCount > 1}>
                <nav class="pager" aria-label="Review pages">
                  <button
                    type="button"
                    class="button button-secondary"
                    disabled={l().page <= 1}
                    onClick={() => setPage(l().page - 1)}
                  >
                    Newer reviews
                  </button>
                  <button
                    type="button"
                    class="button button-secondary"
                    disabled={l().page >= l().pageCount}
                    onClick={() => setPage(l().page + 1)}
                  >
                    Older reviews
                  </button>
                </nav>
              </Show>
            </>
          )}
        </Match>
      </Switch>
    </div>
  );
}

function ReplyForm(props: { review: TeachReview; onReplied: (r: TeachReview) => void }) {
  const { api, announce } = useApp();
  const id = createUniqueId();
  const [text, setText] = createSignal(props.review.reply ?? '');
  const send = createAction(async () => {
    if (!text().trim()) return 'Write a reply first.';
    const { review } = await reviewsApi(api).reply(props.review.id, text());
    props.onReplied({ ...review, course: props.review.course });
    announce('Your reply is published.');
  });
  return (
    <form
      class="review-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send.run();
      }}
    >
      <div class="field">
        <label for={`reply-${id}`}>Your reply to {props.review.author}</label>
        <textarea
          id={`reply-${id}`}
          rows={3}
          maxLength={5000}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
        />
      </div>
      <button type="submit" class="button button-primary" disabled={send.busy()}>
        {send.busy() ? 'Sending…' : props.review.reply ? 'Update reply' : 'Post reply'}
      </button>
      <ErrorMessage message={send.error()} />
    </form>
  );
}
