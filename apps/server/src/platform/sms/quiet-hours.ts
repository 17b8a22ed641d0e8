const HOUR_MS = 3_600_000;
// China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact.
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
const QUIET_FROM_HOUR = 22;
const QUIET_UNTIL_HOUR = 8;

/** True between 22:00 (inclusive) and 08:00 (exclusive), Asia/Shanghai. */
export function isQuietHour(at: Date): boolean {
  const hour = new Date(at.getTime() + SHANGHAI_OFFSET_MS).getUTCHours();
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** When a message may go out: now, or for non-urgent ones during quiet hours the next 08:00 Asia/Shanghai. */
export function deliverableAt(now: Date, urgent: boolean): Date {
  if (urgent || !isQuietHour(now)) return new Date(now.getTime());
  const local = new Date(now.getTime() + SHANGHAI_OFFSET_MS);
  const morning = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), QUIET_UNTIL_HOUR);
  const next = local.getUTCHours() >= QUIET_FROM_HOUR ? morning + 24 * HOUR_MS : morning;
  return new Date(next - SHANGHAI_OFFSET_MS);
}
