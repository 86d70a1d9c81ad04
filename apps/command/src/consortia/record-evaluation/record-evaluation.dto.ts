import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, Matches } from 'class-validator';
import { IsBusinessDate, Optional } from '@ledger/platform';
import { Grade } from '@ledger/domain/shared/procedure';

const GRADES: Grade[] = ['excellent', 'qualified', 'unqualified'];

export class RecordEvaluationDto {
  @ApiProperty({ example: '2025', description: 'the period evaluated' })
  @Matches(/^\d{4}(-\d{4})?$/, { message: 'period must be a year (2025) or a span of years (2023-2025)' })
  period!: string;

  @ApiProperty({ example: '2025-12-10' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ enum: GRADES })
  @IsIn(GRADES)
  grade!: Grade;

  @ApiPropertyOptional({
    description: "scores by aspect (e.g. liaoning.evaluation's 10 aspects), finite numbers",
    additionalProperties: { type: 'number' },
  })
  @Optional()
  @IsObject()
  scores?: Record<string, number>;
}
