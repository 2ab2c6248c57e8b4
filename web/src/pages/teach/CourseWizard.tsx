import { A, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, Match, on, Show, Switch } from 'solid-js';
import type { CourseEditor } from '../../../../edge/api-types.ts';
import { TextField } from '../../components/admin/Fields.tsx';
import { Loading } from '../../components/Notices.tsx';
import { RequireAuth } from '../../components/RequireAuth.tsx';
import { BasicsStep } from '../../components/teach/BasicsStep.tsx';
import { CurriculumStep } from '../../components/teach/CurriculumStep.tsx';
import { PricingStep } from '../../components/teach/PricingStep.tsx';
import { ReviewStep } from '../../components/teach/ReviewStep.tsx';
import { teachApi } from '../../components/teach/teach-api.ts';
import { errorMessage } from '../../lib/api.ts';
import { useApp } from '../../lib/context.ts';
import { PageTitle } from '../../lib/title.ts';
import { LoadFailure } from '../NotFound.tsx';
import '../../styles/teach.css';
import '../../styles/admin.css';
import '../../styles/teach-authoring.css';

export const STEPS = [
  { id: 'basics', label: 'Basic info' },
  { id: 'curriculum', label: 'Curriculum' },
  { id: 'pricing', label: 'Pricing' },
  { id: 'review', label: 'Review and submit' },
] as const;
export type StepId = (typeof STEPS)[number]['id'];

/** The course wizard: /teach/courses/new, then /teach/courses/:courseId/edit/:step? (basic info, curriculum, pricing, review). */
export default function CourseWizardPage() {
  const params = useParams<{ courseId?: string; step?: string }>();
  return (
    <RequireAuth>
      <Show when={params.courseId} fallback={<NewCourse />}>
        {(id) => <EditCourse courseId={id()} step={params.step} />}
      </Show>
    </RequireAuth>
  );
}

function Breadcrumb(props: { current: string }) {
  return (
    <nav aria-label="Breadcrumb" class="breadcrumb">
      <ol>
        <li>
          <A href="/teach">Teaching</A>
        </li>
        <li aria-current="page">{props.current}</li>
      </ol>
    </nav>
  );
}

function NewCourse() {
  const { api } = useApp();
  const teach = teachApi(api);
  const navigate = useNavigate();
  const [title, setTitle] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const create = async (e: SubmitEvent) => {
    e.preventDefault();
    if (!title().trim()) {
      setError('Give the course a title.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const course = await teach.createCourse(title().trim(), null);
      navigate(`/teach/courses/${course.id}/edit/basics`, { replace: true });
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <div class="container section teach wizard">
      <PageTitle text="New course" />
      <Breadcrumb current="New course" />
      <h1>New course</h1>
      <p class="muted">
        Start with a working title: you can change it, and everything else, before you submit it for review.
      </p>
      <form class="admin-form wizard-new" onSubmit={create} aria-describedby={error() ? 'new-course-error' : undefined}>
        <TextField
          id="new-course-title"
          label="Course title"
          value={title()}
          onValue={setTitle}
          maxLength={200}
          required
          error={error() ?? undefined}
        />
        <button type="submit" class="button button-primary" disabled={busy()}>
          {busy() ? 'Creating…' : 'Create draft'}
        </button>
      </form>
    </div>
  );
}

function EditCourse(props: { courseId: string; step?: string }) {
  const { api } = useApp();
  const teach = teachApi(api);
  const [data, setData] = createSignal<CourseEditor | null>(null);
  const [error, setError] = createSignal<unknown>(null);
  const load = () => {
    setError(null);
    teach.editor(props.courseId).then(setData, setError);
  };
  createEffect(on(() => props.courseId, load));
  const step = (): StepId => STEPS.find((s) => s.id === props.step)?.id ?? 'basics';
  const index = () => STEPS.findIndex((s) => s.id === step());
  const href = (id: StepId) => `/teach/courses/${props.courseId}/edit/${id}`;
  // The step's heading takes focus when the step changes, so keyboard and screen reader users start there.
  let heading: HTMLHeadingElement | undefined;
  createEffect(on(step, () => heading?.focus(), { defer: true }));

  return (
    <Switch fallback={<Loading label="Loading the course…" />}>
      <Match when={error()}>
        {(err) => (
          <LoadFailure
            error={err()}
            what="Course"
            notFoundMessage="You do not teach a course with this address."
            retry={load}
          />
        )}
      </Match>
      <Match when={data()}>
        {(d) => (
          <div class="container section teach wizard">
            <PageTitle text={`${STEPS[index()]!.label}: ${d().course.title}`} />
            <Breadcrumb current={`Edit ${d().course.title}`} />
            <h1>
              Edit course <span class="wizard-course-title">{d().course.title}</span>
            </h1>
            <nav aria-label="Course wizard steps" class="wizard-steps">
              <ol>
                <For each={STEPS}>
                  {(s, i) => (
                    <li classList={{ done: i() < index(), current: s.id === step() }}>
                      <A href={href(s.id)} aria-current={s.id === step() ? 'step' : undefined}>
                        <span class="wizard-step-number" aria-hidden="true">
                          {i() + 1}
                        </span>
                        <span>
                          <span class="sr-only">Step {i() + 1}: </span>
                          {s.label}
                        </span>
                      </A>
                    </li>
                  )}
                </For>
              </ol>
            </nav>
            <section class="wizard-step" aria-labelledby="wizard-step-heading">
              <h2 id="wizard-step-heading" tabindex="-1" ref={heading}>
                {STEPS[index()]!.label}
              </h2>
              <Switch>
                <Match when={step() === 'basics'}>
                  <BasicsStep editor={d()} onChange={setData} teach={teach} />
                </Match>
                <Match when={step() === 'curriculum'}>
                  <CurriculumStep editor={d()} onChange={setData} teach={teach} />
                </Match>
                <Match when={step() === 'pricing'}>
                  <PricingStep editor={d()} onChange={setData} teach={teach} />
                </Match>
                <Match when={step() === 'review'}>
                  <ReviewStep editor={d()} onChange={setData} teach={teach} />
                </Match>
              </Switch>
            </section>
            <nav aria-label="Previous and next step" class="wizard-pager">
              <Show when={index() > 0}>
                <A href={href(STEPS[index() - 1]!.id)} class="button button-secondary">
                  Back: {STEPS[index() - 1]!.label}
                </A>
              </Show>
              <Show when={index() < STEPS.length - 1}>
                <A href={href(STEPS[index() + 1]!.id)} class="button button-primary">
                  Next: {STEPS[index() + 1]!.label}
                </A>
              </Show>
            </nav>
          </div>
        )}
      </Match>
    </Switch>
  );
}
