/** A consortium's events go to `consortium-<id>` (its lead's registry stream is the lead registry's). */
export const consortiumStreamId = (consortiumId: string): string => `consortium-${consortiumId}`;
