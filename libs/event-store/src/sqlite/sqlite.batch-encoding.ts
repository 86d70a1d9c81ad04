/**
 * A batch as it crosses to the writer thread: one flat array of its fields, in order. Structured clone writes every
 * object's keys with it and makes the receiver read them back; a flat array of strings and numbers costs the main
 * thread, where the decisions are made, ~12 instead of ~30 µs to send a batch of 16 grants (the message alone, beyond
 * its fixed cost), and the writer thread less to receive it. An event's metadata, shared by the events of one command,
 * crosses once: SAME_METADATA stands for it.
 *
 *   requests, then per request: streams, then per stream: streamId, expectedRevision, events,
 *   then per event: eventId, type, schemaVersion, dataJson, metadataJson | SAME_METADATA
 */
import type { ExpectedRevision } from '../event-store.port';
import type { PreparedEvent, PreparedStreamAppend } from '../prepared-append';
import type { PreparedRequest } from './sqlite.batch-writer';

export type EncodedBatch = Array<string | number>;

/** The metadata of the event before, in the same request. */
const SAME_METADATA = 0;

export function encodeBatch(batch: readonly PreparedRequest[]): EncodedBatch {
  const fields: EncodedBatch = [batch.length];
  for (const request of batch) {
    fields.push(request.length);
    let metadataJson: string | undefined;
    for (const { streamId, expectedRevision, events } of request) {
      fields.push(streamId, expectedRevision, events.length);
      for (const event of events) {
        fields.push(event.eventId, event.type, event.schemaVersion, event.dataJson);
        fields.push(event.metadataJson === metadataJson ? SAME_METADATA : event.metadataJson);
        metadataJson = event.metadataJson;
      }
    }
  }
  return fields;
}

export function decodeBatch(fields: EncodedBatch): PreparedRequest[] {
  let next = 0;
  const take = () => fields[next++];
  return Array.from({ length: take() as number }, () => {
    let metadataJson = '';
    return Array.from({ length: take() as number }, (): PreparedStreamAppend => {
      const streamId = take() as string;
      const expectedRevision = take() as ExpectedRevision;
      const events = Array.from({ length: take() as number }, (): PreparedEvent => {
        const eventId = take() as string;
        const type = take() as string;
        const schemaVersion = take() as number;
        const dataJson = take() as string;
        const metadata = take();
        if (metadata !== SAME_METADATA) metadataJson = metadata as string;
        return { eventId, type, schemaVersion, dataJson, metadataJson };
      });
      return { streamId, expectedRevision, events };
    });
  });
}
