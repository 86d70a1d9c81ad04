import type { PreparedEvent } from '../prepared-append';
import type { PreparedRequest } from './sqlite.batch-writer';
import { decodeBatch, encodeBatch } from './sqlite.batch-encoding';

const event = (eventId: string, metadataJson: string): PreparedEvent => ({
  eventId,
  type: 'test.happened',
  schemaVersion: 2,
  dataJson: JSON.stringify({ eventId, quote: '"', unicode: '资助' }),
  metadataJson,
});

describe('a batch crossing to the SQLite writer thread', () => {
  it('arrives field for field: requests, streams, revision checks without events, shared and changing metadata', () => {
    const shared = '{"commandId":"c1"}';
    const batch: PreparedRequest[] = [
      [
        { streamId: 'subsidy-1', expectedRevision: 'no-stream', events: [event('e1', shared)] },
        { streamId: 'checked', expectedRevision: 4, events: [] },
        { streamId: 'project-1', expectedRevision: 'any', events: [event('e2', shared), event('e3', '{"other":1}')] },
      ],
      [{ streamId: 'next', expectedRevision: 'stream-exists', events: [event('e4', '{"commandId":"c2"}')] }],
      [{ streamId: 'same-text', expectedRevision: -1, events: [event('e5', '{"commandId":"c2"}')] }],
    ];

    const received = decodeBatch(structuredClone(encodeBatch(batch)));

    expect(received).toEqual(batch);
  });

  it('sends a metadata text once while the events of a request share it', () => {
    const shared = '{"commandId":"c1"}';
    const request: PreparedRequest = [
      { streamId: 'a', expectedRevision: 'any', events: [event('e1', shared), event('e2', shared)] },
      { streamId: 'b', expectedRevision: 'any', events: [event('e3', shared)] },
    ];

    const encoded = encodeBatch([request]);

    expect(encoded.filter((field) => field === shared)).toHaveLength(1);
  });
});
