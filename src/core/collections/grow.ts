type Column = Int32Array | Int16Array | Uint8Array | Uint16Array | Float64Array;

/** A copy of typed array `a` with room for `length` items (the new ones zero): how every column here grows. */
export function grownTo<T extends Column>(a: T, length: number): T {
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a as never);
  return b;
}
