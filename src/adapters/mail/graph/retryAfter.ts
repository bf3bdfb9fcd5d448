/** How long Graph says to wait: Retry-After in seconds (Graph's form) or an HTTP date; missing → an exponential wait. Browser-safe. */
export function retryAfterMs(header: string | null | undefined, attempt: number): number {
  if (header !== null && header !== undefined) {
    const seconds = Number(header);
    if (header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return Math.min(30_000, 500 * 2 ** attempt);
}
