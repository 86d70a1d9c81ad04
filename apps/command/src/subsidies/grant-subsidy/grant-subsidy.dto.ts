import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsBusinessDate, IsCreditCode, Optional } from '@ledger/platform';
import { IsPositiveYuan } from '../positive-yuan.validator';
import { FUNDING_CATEGORY_IDS, FundingCategoryId } from '@ledger/domain/policies/funding/grant-terms';

export class GrantSubsidyDto {
  @ApiProperty({ description: 'an active consortium' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  consortiumId!: string;

  @ApiProperty({ example: '91210100MA0000001G', description: "the consortium's lead or one of its members" })
  @IsCreditCode()
  recipient!: string;

  @ApiProperty({ enum: FUNDING_CATEGORY_IDS, description: "a category of the consortium's policy" })
  @IsIn(FUNDING_CATEGORY_IDS, { message: `category must be one of ${FUNDING_CATEGORY_IDS.join(', ')}` })
  category!: FundingCategoryId;

  @ApiProperty({ example: '3000000.00', description: 'yuan, at most two decimals' })
  @IsPositiveYuan()
  amount!: string;

  @ApiProperty({ example: 2025, description: 'the calendar year of grantedOn (ledger.fiscal-year)' })
  @IsInt({ message: 'fiscalYear must be an integer year, e.g. 2025' })
  @Min(1900)
  @Max(2999)
  fiscalYear!: number;

  @ApiProperty({ example: '2025-04-01' })
  @IsBusinessDate()
  grantedOn!: string;

  @ApiPropertyOptional({
    description:
      'required by liaoning.jiebang, luzhou.transformation and nmg.project; its caps are cumulative per project',
  })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  projectId?: string;

  @ApiPropertyOptional({
    example: '50000000.00',
    description: "required by liaoning.jiebang: the project's total investment (the 30% limit)",
  })
  @Optional()
  @IsPositiveYuan()
  projectTotalInvestment?: string;

  @ApiPropertyOptional({
    example: '8000000.00',
    description: "liaoning.rd-reward: the enterprise's R&D spending the post-subsidy is in proportion to (yuan)",
  })
  @Optional()
  @IsPositiveYuan()
  rdSpending?: string;

  @ApiPropertyOptional({ description: 'required by luzhou.platform; its cap is cumulative per platform' })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  platformId?: string;
}
