/**
 * A read model's change as a message on a compacted topic, for other departments' systems: key = the entity's id
 * (compaction keeps its latest state), value = what the ledger's API shows of it (money in yuan), with the log
 * position and time of the event that made the change. A consumer keeps, per key, the value of the highest position.
 */
import { Message } from 'kafkajs';
import { ReadModelChange } from '../projections/projection';

/** Which read model goes to which topic, as what kind of entity, and how it is shown. */
export interface ChangeFeedTopic {
  projection: string;
  kind: string;
  topic: string;
  view(state: unknown): unknown;
}

export const CHANGE_HEADERS = { kind: 'kind', position: 'position', contentType: 'content-type' } as const;

export interface ChangeValue {
  kind: string;
  id: string;
  position: number;
  recordedAt: string;
  state: unknown;
}

export function changeMessage(topic: ChangeFeedTopic, change: ReadModelChange): Message {
  const value: ChangeValue = {
    kind: topic.kind,
    id: change.id,
    position: change.position,
    recordedAt: change.recordedAt,
    state: topic.view(change.state),
  };
  return {
    key: change.id,
    value: JSON.stringify(value),
    headers: {
      [CHANGE_HEADERS.kind]: topic.kind,
      [CHANGE_HEADERS.position]: String(change.position),
      [CHANGE_HEADERS.contentType]: 'application/json',
    },
  };
}
