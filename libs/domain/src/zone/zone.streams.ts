export const ZONE_STREAM_PREFIX = 'zone-';

/** A demonstration zone's events go to `zone-<id>`: every zone.* rule is about one zone. */
export const zoneStreamId = (zoneId: string): string => `${ZONE_STREAM_PREFIX}${zoneId}`;

export const REGIONAL_AVERAGE_STREAM_PREFIX = 'regional-average-';

/**
 * The region's averages for a year go to `regional-average-<year>`: a report for that year reads it (and checks the
 * revision it read when it is appended), so a report and a new average cannot cross.
 */
export const regionalAverageStreamId = (year: number): string => `${REGIONAL_AVERAGE_STREAM_PREFIX}${year}`;
