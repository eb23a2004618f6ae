export interface SessionTimes {
  createdMs: number;
  lastSeenMs: number;
}

/**
 * A session ends when it has been idle for `idleMs` (no request) or, whatever its use, `maxAgeMs`
 * after it began; `now` at exactly the limit is still inside.
 */
export function sessionExpired(
  times: SessionTimes,
  now: number,
  limits: { idleMs: number; maxAgeMs: number },
): boolean {
  return now - times.lastSeenMs > limits.idleMs || now - times.createdMs > limits.maxAgeMs;
}
