import { createSignal, onCleanup } from 'solid-js';
import { formatCountdown } from '../../lib/quizzes-api.ts';

/** When the polite announcement is made (ms left). */
const WARN_AT_MS = 60_000;

/**
 * The time left in an attempt, counted down to the server's deadline (corrected by the offset
 * between the server's clock and this one). The ticking clock is not announced; a polite live
 * region says once when one minute is left, and when the time is up (then `onTimeUp` runs once).
 */
export function QuizTimer(props: { deadline: string; offsetMs: number; onTimeUp: () => void }) {
  const left = () => Date.parse(props.deadline) - (Date.now() + props.offsetMs);
  const [remaining, setRemaining] = createSignal(left());
  const [announcement, setAnnouncement] = createSignal('');
  let warned = remaining() <= WARN_AT_MS;
  let done = false;
  const tick = () => {
    const ms = left();
    setRemaining(ms);
    if (!warned && ms <= WARN_AT_MS) {
      warned = true;
      setAnnouncement('One minute left.');
    }
    if (!done && ms <= 0) {
      done = true;
      setAnnouncement('Time is up: your answers are being submitted.');
      clearInterval(timer);
      props.onTimeUp();
    }
  };
  const timer = setInterval(tick, 250);
  onCleanup(() => clearInterval(timer));
  return (
    <div class={`quiz-timer${remaining() <= WARN_AT_MS ? ' is-low' : ''}`}>
      <span id="quiz-timer-label">Time left</span>{' '}
      <span role="timer" aria-labelledby="quiz-timer-label" class="quiz-timer-clock">
        {formatCountdown(remaining())}
      </span>
      <p class="sr-only" aria-live="polite">
        {announcement()}
      </p>
    </div>
  );
}
