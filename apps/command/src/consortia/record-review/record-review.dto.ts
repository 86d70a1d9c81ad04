import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate, Optional } from '@ledger/platform';
import { ReviewStage } from '@ledger/domain/shared/procedure';

const STAGES: ReviewStage[] = ['preliminary', 'formal', 'technical', 'expert'];

export class RecordReviewDto {
  @ApiProperty({ enum: STAGES })
  @IsIn(STAGES)
  stage!: ReviewStage;

  @ApiProperty({ enum: ['pass', 'fail'] })
  @IsIn(['pass', 'fail'])
  outcome!: 'pass' | 'fail';

  @ApiProperty({ example: '2025-03-10' })
  @IsBusinessDate()
  on!: string;

  @ApiPropertyOptional()
  @Optional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}
