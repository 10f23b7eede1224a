/**
 * Runs `task` every `intervalMs` in the background, never two at once (a run still going when the
 * next is due skips that turn), without keeping the process alive. Errors are logged with `label`.
 * Returns the function that stops it.
 */
export function repeatInBackground(label: string, intervalMs: number, task: () => Promise<unknown>): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((error: unknown) => console.error(`[voc] ${label} failed`, error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
