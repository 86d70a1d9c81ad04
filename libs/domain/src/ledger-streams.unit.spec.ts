import { consortiumStreamId } from './consortium/consortium.streams';
import { leadRegistryStreamId } from './lead-registry/lead-registry.streams';
import { streamKindOf } from './ledger-streams';
import {
  allianceFundingStreamId,
  platformStreamId,
  projectStreamId,
  recipientYearStreamId,
  subsidyStreamId,
  unitStreamId,
} from './subsidy/subsidy.streams';
import { regionalAverageStreamId, zoneStreamId } from './zone/zone.streams';

describe('streamKindOf: the one parser of stream ids', () => {
  it.each([
    [consortiumStreamId('c-1'), 'consortium', 'c-1'],
    [allianceFundingStreamId('c-1'), 'alliance-funding', 'c-1'],
    [consortiumStreamId('funding-x'), 'alliance-funding', 'x'],
    [
      leadRegistryStreamId('nmg-2024-consortium', '91150200MA0000001F'),
      'lead-registry',
      'nmg-2024-consortium-91150200MA0000001F',
    ],
    [zoneStreamId('z-1'), 'zone', 'z-1'],
    [regionalAverageStreamId(2025), 'regional-average', '2025'],
    [subsidyStreamId('s-1'), 'subsidy', 's-1'],
    [recipientYearStreamId('91210100MA0000001G', 2026), 'recipient-year', '91210100MA0000001G-2026'],
    [projectStreamId('p-1'), 'project', 'p-1'],
    [platformStreamId('pl-1'), 'platform', 'pl-1'],
    [unitStreamId('91210100MA0000001G'), 'unit', '91210100MA0000001G'],
  ])('%s is a %s stream of %s', (streamId, kind, id) => expect(streamKindOf(streamId)).toEqual({ kind, id }));

  it('knows no other stream', () => {
    expect(streamKindOf('something-else')).toBeUndefined();
    expect(streamKindOf('consortium-')).toBeUndefined();
  });
});
