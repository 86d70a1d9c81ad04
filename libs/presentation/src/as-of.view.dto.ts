import { IntegerProperty, PositionProperty, TimestampProperty } from '@ledger/platform';

/** The moment an answer was asked for (replay/moment.ts momentView): `asOf` a timestamp, or `atPosition`. */
export class MomentViewDto {
  @TimestampProperty({ optional: true, description: 'asOf: the moment asked for' }) asOf?: string;
  @IntegerProperty({ optional: true, minimum: 0, description: 'atPosition: the moment asked for' }) atPosition?: number;
}

/** What an as-of answer (`?asOf=` or `?atPosition=`) adds to a detail view (replay.answers.ts asOfAnswer). */
export class AsOfViewDto extends MomentViewDto {
  @PositionProperty({ optional: true, description: 'as of a moment: the position of its last event by then' })
  position?: number;
}
