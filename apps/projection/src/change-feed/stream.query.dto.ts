import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { OptionalQuery } from '../shared/optional-query.decorator';

export class StreamQuery {
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
