import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { DecimalInteger, IsCreditCode } from '@ledger/platform';
import { QueryOptionsDto } from '../shared/query-options.dto';

export class FundingParams {
  @ApiProperty({ example: '91210100MA0000001G', description: 'the recipient: a unified social credit code' })
  @IsCreditCode()
  creditCode!: string;
}

export class FundingQuery extends QueryOptionsDto {
  @ApiProperty({ example: 2025, description: 'the fiscal (calendar) year of the grants' })
  @DecimalInteger()
  @IsInt({ message: 'fiscalYear must be an integer year, e.g. 2025' })
  @Min(1900)
  @Max(2999)
  fiscalYear!: number;
}
