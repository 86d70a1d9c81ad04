import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { DecimalInteger } from '@ledger/platform';
import { OptionalQuery } from '../shared/optional-query.decorator';
import { QueryOptionsDto } from '../shared/query-options.dto';
import { CONSORTIUM_POLICY_IDS, ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';

export class ReconciliationQuery extends QueryOptionsDto {
  @ApiPropertyOptional({ example: 2025, description: 'the fiscal year of the grants; every year when absent' })
  @OptionalQuery()
  @DecimalInteger()
  @IsInt({ message: 'fiscalYear must be an integer year, e.g. 2025' })
  @Min(1900)
  @Max(2999)
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: CONSORTIUM_POLICY_IDS, description: 'every policy when absent' })
  @OptionalQuery()
  @IsIn(CONSORTIUM_POLICY_IDS)
  policy?: ConsortiumPolicyId;
}
