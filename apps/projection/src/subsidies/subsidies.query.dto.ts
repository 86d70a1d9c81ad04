import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { OptionalQuery } from '../shared/optional-query.decorator';
import { DecimalInteger, IsCreditCode } from '@ledger/platform';
import { CursorPageQueryDto } from '../shared/query-options.dto';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';
import { FUNDING_CATEGORY_IDS } from '@ledger/domain/policies/funding/grant-terms';

const SUBSIDY_STATUSES = ['pending', 'granted', 'terminated', 'declined', 'expired'];

export class ListSubsidiesQuery extends CursorPageQueryDto {
  @ApiPropertyOptional()
  @OptionalQuery()
  @IsString()
  @IsNotEmpty()
  consortiumId?: string;

  @ApiPropertyOptional({ example: '91210100MA0000001G' })
  @OptionalQuery()
  @IsCreditCode()
  recipient?: string;

  @ApiPropertyOptional({ enum: CONSORTIUM_POLICY_IDS })
  @OptionalQuery()
  @IsIn(CONSORTIUM_POLICY_IDS)
  policy?: string;

  @ApiPropertyOptional({ enum: FUNDING_CATEGORY_IDS })
  @OptionalQuery()
  @IsIn(FUNDING_CATEGORY_IDS)
  category?: string;

  @ApiPropertyOptional({ example: 2025 })
  @OptionalQuery()
  @DecimalInteger()
  @IsInt({ message: 'fiscalYear must be an integer year, e.g. 2025' })
  @Min(1900)
  @Max(2999)
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: SUBSIDY_STATUSES })
  @OptionalQuery()
  @IsIn(SUBSIDY_STATUSES)
  status?: string;
}
