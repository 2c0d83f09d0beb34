function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/**
 * The fields of `next` that differ from `prev` — a PATCH sends only what the user changed.
 * Arrays compare by value; undefined in `next` means "not on the form" and is skipped.
 */
export function changedFields<T extends object>(prev: Partial<T>, next: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    const value = next[key];
    if (value === undefined || same(prev[key], value)) continue;
    out[key] = value;
  }
  return out;
}
