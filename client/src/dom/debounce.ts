/** Delays `run` until `wait` ms pass without another call; `cancel` drops a pending call. */
export function debounce<A extends unknown[]>(run: (...args: A) => void, wait: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | undefined;
  const fire = () => {
    timer = undefined;
    const args = pending;
    pending = undefined;
    if (args) run(...args);
  };
  return {
    call(...args: A) {
      pending = args;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(fire, wait);
    },
    cancel() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      pending = undefined;
    },
  };
}
