/**
 * recordedAt never decreases along the log, in every adapter: when the clock steps back (NTP, another machine's clock),
 * the log's last time is reused. ISO 8601 UTC strings of one format compare as text in time order.
 */
export function laterOf(clockTime: string, lastRecordedAt: string): string {
  return clockTime > lastRecordedAt ? clockTime : lastRecordedAt;
}
