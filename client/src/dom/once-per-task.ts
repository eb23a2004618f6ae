/**
 * `run` once at the end of the current task however many times the result is called in it (in a
 * microtask: before the next frame is painted); a call from a later task runs it again.
 */
export function oncePerTask(run: () => void): () => void {
  let due = false;
  return () => {
    if (due) return;
    due = true;
    queueMicrotask(() => {
      due = false;
      run();
    });
  };
}
