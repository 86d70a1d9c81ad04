import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateProperty, IntegerProperty, PositionProperty } from '@ledger/platform';

class MoneyBothDto {
  @ApiProperty({ example: '382345.67' }) yuan!: string;
  @ApiProperty({ example: '38.234567' }) wan!: string;
}

class RunTotalsDto {
  @ApiProperty({ type: MoneyBothDto }) statement!: MoneyBothDto;
  @ApiProperty({ type: MoneyBothDto }) ledger!: MoneyBothDto;
  @ApiProperty({ type: MoneyBothDto, description: 'statement − ledger' }) difference!: MoneyBothDto;
}

class RunCountsDto {
  @IntegerProperty() matched!: number;
  @IntegerProperty() amountDiffers!: number;
  @IntegerProperty() payeeDiffers!: number;
  @IntegerProperty() onlyInStatement!: number;
  @IntegerProperty() onlyInLedger!: number;
}

class RunDifferencesDto {
  @IntegerProperty() total!: number;
  @IntegerProperty() resolved!: number;
  @IntegerProperty() open!: number;
}

const LINES = {
  type: 'array',
  items: { type: 'object' },
  description: '{ item, outcome, by, statement, ledger, difference, resolved } (API.md Reconciliations)',
} as const;

class RunLinesDto {
  @ApiProperty(LINES) matched!: object[];
  @ApiProperty(LINES) amountDiffers!: object[];
  @ApiProperty(LINES) payeeDiffers!: object[];
  @ApiProperty(LINES) onlyInStatement!: object[];
  @ApiProperty(LINES) onlyInLedger!: object[];
}

class RunFileDto {
  @ApiProperty({ example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' }) sha256!: string;
  @ApiProperty({ enum: ['csv-utf8', 'csv-gbk', 'xlsx'] }) format!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'the header of each column read (voucher, amount, date, payee, creditCode) and amountUnit',
  })
  columns!: Record<string, string>;
}

class RunPeriodDto {
  @DateProperty() from!: string;
  @DateProperty() to!: string;
}

/** A statement-matching run as `POST /v1/reconciliations` answers it and `GET /v1/reconciliations/{id}` shows it. */
export class ReconciliationRunDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'finance.wang' }) actor!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ example: 'ledger.statement-matching' }) rule!: string;
  @ApiProperty() citation!: string;
  @ApiProperty({ type: RunFileDto }) file!: RunFileDto;
  @ApiProperty({ type: RunPeriodDto, description: 'the payment dates compared' }) period!: RunPeriodDto;
  @IntegerProperty({ optional: true, nullable: true }) fiscalYear?: number | null;
  @ApiPropertyOptional({ nullable: true }) policy?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'the jurisdiction it was run under (policy ids, regions)' })
  jurisdiction?: string[];
  @ApiProperty({ type: RunCountsDto }) counts!: RunCountsDto;
  @ApiProperty({ type: RunDifferencesDto }) differences!: RunDifferencesDto;
  @ApiProperty({ type: RunTotalsDto }) totals!: RunTotalsDto;
  @ApiProperty({ type: RunLinesDto }) lines!: RunLinesDto;
  @PositionProperty() position!: number;
}
