/**
 * A small cache in front of `f`: a ledger repeats a handful of type, status, currency and yes/no
 * spellings a million times. Bounded: past 1,000 spellings, new ones are computed each time.
 */
export function memo<T>(f: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined && !cache.has(s)) {
      v = f(s);
      if (cache.size < 1000) cache.set(s, v);
    }
    return v as T;
  };
}
