/** A labelled progress bar: role=progressbar with its value, 0–100. */
export function ProgressBar(props: { value: number; label: string; class?: string }) {
  const pct = () => Math.max(0, Math.min(100, Math.round(props.value)));
  return (
    <div
      class={`progress ${props.class ?? ''}`}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct()}
      aria-valuetext={`${pct()}% complete`}
    >
      <div class="progress-fill" style={{ width: `${pct()}%` }} />
    </div>
  );
}
