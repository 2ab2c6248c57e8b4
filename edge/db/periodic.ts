/**
 * Runs `task` every `intervalMs` on the Node host, never two runs at once (a slow run makes the
 * next tick skip); a failure goes to `onError` and the timer keeps going. The timer alone does
 * not keep the process alive. Returns a stop function.
 */
export function every(intervalMs: number, task: () => Promise<unknown>, onError: (err: unknown) => void): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await task();
    } catch (err) {
      onError(err);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), intervalMs);
  (timer as { unref?: () => void }).unref?.();
  return () => clearInterval(timer);
}
