import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { OptionalQuery } from '../shared/optional-query.decorator';
import { CONSORTIUM_STATUSES } from '@ledger/domain/consortium/consortium.state';
import { CursorPageQueryDto } from '../shared/query-options.dto';
import { AsOfQuery } from '../shared/as-of.query.dto';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';

export class ListConsortiaQuery extends CursorPageQueryDto {
  @ApiPropertyOptional({ enum: CONSORTIUM_POLICY_IDS })
  @OptionalQuery()
  @IsIn(CONSORTIUM_POLICY_IDS)
  policy?: string;

  @ApiPropertyOptional({ enum: CONSORTIUM_STATUSES })
  @OptionalQuery()
  @IsIn(CONSORTIUM_STATUSES)
  status?: string;
}

/** `asOf` or `atPosition` (supervisor): the consortium as the ledger knew it then. */
export class ConsortiumDetailQuery extends AsOfQuery {}
