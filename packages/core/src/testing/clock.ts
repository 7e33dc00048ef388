/** A clock that starts at `start` and moves `stepMs` forward each time it is read: deterministic tests. */
export function steppingClock(start = '2026-11-24T00:00:00.000Z', stepMs = 60_000): () => Date {
  let t = Date.parse(start);
  return () => {
    const now = new Date(t);
    t += stepMs;
    return now;
  };
}

/** Ids `prefix-1`, `prefix-2`, ... */
export function countingIds(prefix = 'id'): () => string {
  let n = 0;
  return () => {
    n += 1;
    return `${prefix}-${n}`;
  };
}
