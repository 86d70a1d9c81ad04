import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { OptionalQuery } from '../shared/optional-query.decorator';
import { QueryOptionsDto } from '../shared/query-options.dto';

/**
 * `minPosition`, as on every query: the stream opens once the read models have processed that position (up to 5 s,
 * then 503 projection-lagging), so a client that just wrote opens it on models that hold its write.
 */
export class StreamQuery extends QueryOptionsDto {
  @ApiPropertyOptional({
    description:
      'kinds of entity, comma-separated: consortium, subsidy, funding-boundary, zone (funding, its spelling before 2026-12-03, is read as funding-boundary)',
  })
  @OptionalQuery()
  @IsString()
  @MaxLength(200)
  kind?: string;

  @ApiPropertyOptional({ description: "one entity's id: only its changes" })
  @OptionalQuery()
  @IsString()
  @MaxLength(200)
  id?: string;
}
