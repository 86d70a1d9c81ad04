import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { OptionalQuery } from './optional-query.decorator';

/** What every query accepts: `minPosition` (read-your-writes, see MinPositionGuard). */
export class QueryOptionsDto {
  @ApiPropertyOptional({
    description: 'wait (up to 5 s, then 503 projection-lagging) until the read model has processed this log position',
  })
  @OptionalQuery()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  minPosition?: number;
}

export class PageQueryDto extends QueryOptionsDto {
  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @OptionalQuery()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ default: 0 })
  @OptionalQuery()
  @Type(() => Number)
  @IsInt()
  @Min(0)
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
