import { Dynamic } from 'solid-js/web';
import type { CourseCard as CourseCardData } from '../../../edge/api-types.ts';
import { DIFFICULTY_LABELS, formatDuration, formatMoney } from '../lib/format.ts';
import { Badges } from './Badges.tsx';
import { CourseCover } from './CourseCover.tsx';
import { Stars } from './Stars.tsx';

/** One course in a grid. The title link covers the whole card (a single tab stop). */
export function CourseCard(props: { course: CourseCardData; headingLevel?: 2 | 3; eagerCover?: boolean }) {
  const c = () => props.course;
  return (
    <article class="course-card">
      <CourseCover
        slug={c().slug}
        title={c().title}
        thumbnailUrl={c().thumbnailUrl}
        thumbnailWidths={c().thumbnailWidths}
        eager={props.eagerCover}
      />
      <div class="course-card-body">
        <Dynamic component={`h${props.headingLevel ?? 3}`} class="course-card-title">
          {/* A plain link (the router takes its clicks): no active-link tracking per card. */}
          <a href={`/courses/${encodeURIComponent(c().slug)}`} class="card-link">
            {c().title}
          </a>
        </Dynamic>
        <p class="course-card-subtitle">{c().subtitle}</p>
        <p class="course-card-instructor">{c().instructor.displayName}</p>
        <Stars average={c().rating.average} count={c().rating.count} />
        <p class="course-card-meta">
          {DIFFICULTY_LABELS[c().difficulty]} · {c().lessonCount} {c().lessonCount === 1 ? 'lesson' : 'lessons'}
          {c().durationMinutes > 0 ? ` · ${formatDuration(c().durationMinutes)}` : ''}
        </p>
        <div class="course-card-footer">
          <p class={`price ${c().price.amount === 0 ? 'price-free' : ''}`}>{formatMoney(c().price)}</p>
          <Badges badges={c().badges.filter((b) => !(b === 'free' && c().price.amount === 0))} />
        </div>
      </div>
    </article>
  );
}
