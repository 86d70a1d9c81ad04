export const ZONE_STREAM_PREFIX = 'zone-';

/** A demonstration zone's events go to `zone-<id>`: every zone.* rule is about one zone. */
export const zoneStreamId = (zoneId: string): string => `${ZONE_STREAM_PREFIX}${zoneId}`;
