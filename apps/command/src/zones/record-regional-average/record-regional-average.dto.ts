import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { INDICATOR_SCALES } from '@ledger/domain/policies/zone-indicators';
import { IsExactDecimal } from '../submit-annual-report/indicator.validators';
import { Optional } from '@ledger/platform';

export class RecordRegionalAverageDto {
  @ApiProperty({ example: 2025, description: 'the year the average is of; reports for that year are judged on it' })
  @IsInt()
  @Min(2000)
  @Max(9999)
  year!: number;

  @ApiProperty({
    example: 0.0093,
    description:
      "the region's average R&D spending / GDP (全区研发经费投入强度) as a fraction of 1, above 0, at most 6 decimals " +
      '(0.0093 is 0.93%)',
  })
  @IsExactDecimal(INDICATOR_SCALES.rdIntensity, 1)
  rdIntensity!: number;

  @ApiPropertyOptional({
    example: '2025年内蒙古自治区科技经费投入统计公报',
    description: 'where the figure comes from',
  })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  source?: string;
}
