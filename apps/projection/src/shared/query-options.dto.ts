import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { DecimalInteger } from '@ledger/platform';
import { OptionalQuery } from './optional-query.decorator';

/** What every query accepts: `minPosition` (read-your-writes, see MinPositionGuard). */
export class QueryOptionsDto {
  @ApiPropertyOptional({
    description:
      'wait (up to 5 s, then 503 projection-lagging) until the read model has processed this log position; an answer ' +
      'read from the log itself (with asOf or atPosition) meets it at once, unless the token has a jurisdiction',
  })
  @OptionalQuery()
  @DecimalInteger()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER) // a position past it is no position (class-validator's IsInt takes 1e40)
  minPosition?: number;
}

export class PageQueryDto extends QueryOptionsDto {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @OptionalQuery()
  @DecimalInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @OptionalQuery()
  @DecimalInteger()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER) // SQLite refuses an OFFSET past its integers: a 400 here, not its error
  offset?: number;
}

/** A list that pages by keyset too: `cursor` is the `next` of the page before (it costs what the page holds). */
export class CursorPageQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'the `next` of the previous page: the page after it, read off an index whatever its depth (offset is then ignored)',
  })
  @OptionalQuery()
  @IsString()
  @MaxLength(2000)
  cursor?: string;
}
