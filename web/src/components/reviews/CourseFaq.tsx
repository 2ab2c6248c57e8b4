import { createResource, Match, Show, Switch } from 'solid-js';
import { useApp } from '../../lib/context.ts';
import { faqApi } from '../../lib/reviews-api.ts';
import { FaqList } from '../FaqList.tsx';
import { Markdown } from '../Markdown.tsx';
import { ErrorNotice, Loading } from '../Notices.tsx';

/** The course's FAQ (questions open to show their markdown answers); nothing at all when it has none and `hideEmpty`. */
export function CourseFaq(props: { slug: string; headingLevel?: 2 | 3; hideEmpty?: boolean }) {
  const { api } = useApp();
  const [faq, { refetch }] = createResource(
    () => props.slug,
    (slug) => faqApi(api).courseFaq(slug),
  );
  const items = () => (faq.latest?.items ?? []).map((f) => ({ q: f.question, a: f.answer }));
  const heading = 'Frequently asked questions';
  return (
    <Show when={!props.hideEmpty || faq.error || items().length > 0}>
      <section class="course-faq" aria-labelledby="course-faq-title">
        {props.headingLevel === 3 ? <h3 id="course-faq-title">{heading}</h3> : <h2 id="course-faq-title">{heading}</h2>}
        <Switch>
          <Match when={faq.error}>
            <ErrorNotice error={faq.error} retry={refetch} />
          </Match>
          <Match when={faq.loading && !faq.latest}>
            <Loading label="Loading the questions…" />
          </Match>
          <Match when={items().length === 0}>
            <p>The instructor has not answered any questions here yet.</p>
          </Match>
          <Match when={items().length > 0}>
            <FaqList items={items()} answer={(a) => <Markdown source={a} headingLevel={4} />} />
          </Match>
        </Switch>
      </section>
    </Show>
  );
}
