/**
 * A change-feed entry as a message on a compacted topic, for other departments' systems: key = the entity's id
 * (compaction keeps its latest state), value = the entry (kind, id, position, recordedAt, state as the API shows it,
 * money in yuan). A consumer keeps, per key, the value of the highest position.
 */
import { Message } from 'kafkajs';
import { ChangeFeedEntry } from '../projections/change-feed';

/** kind → compacted topic, e.g. `{ consortium: 'ledger.consortia.v1' }`. */
export type ChangeFeedTopics = Readonly<Record<string, string>>;

export const CHANGE_HEADERS = { kind: 'kind', position: 'position', contentType: 'content-type' } as const;

export function changeMessage(entry: ChangeFeedEntry): Message {
  const { kind, id, position, recordedAt, state } = entry;
  return {
    key: id,
    value: JSON.stringify({ kind, id, position, recordedAt, state }),
    headers: {
      [CHANGE_HEADERS.kind]: kind,
      [CHANGE_HEADERS.position]: String(position),
      [CHANGE_HEADERS.contentType]: 'application/json',
    },
  };
}
