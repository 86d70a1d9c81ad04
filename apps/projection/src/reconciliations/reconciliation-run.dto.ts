import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateProperty, IntegerProperty, PositionProperty, TimestampProperty, YuanProperty } from '@ledger/platform';
import { CONSORTIUM_POLICY_IDS } from '@ledger/domain/shared/policy-ids';

class MoneyBothDto {
  @YuanProperty({ example: '382345.67' }) yuan!: string;
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

/** The statement's side of a line (reconciliation-run.view.ts statementView). */
class StatementSideDto {
  @IntegerProperty({ minimum: 1, description: 'its line in the file' }) line!: number;
  @ApiProperty({ type: 'string', nullable: true }) voucher!: string | null;
  @DateProperty() paidOn!: string;
  @YuanProperty() amount!: string;
  @ApiProperty({ type: 'string', nullable: true }) payee!: string | null;
  @ApiProperty({ type: 'string', nullable: true }) creditCode!: string | null;
}

/** The ledger's side: the disbursement. */
class LedgerSideDto {
  @ApiProperty() subsidyId!: string;
  @ApiProperty() voucher!: string;
  @DateProperty() paidOn!: string;
  @YuanProperty() amount!: string;
  @ApiProperty({ example: '91210100MA0000001G' }) recipient!: string;
  @ApiProperty({ type: 'string', nullable: true }) payee!: string | null;
}

class LineResolutionDto {
  @ApiProperty() note!: string;
  @ApiProperty() actor!: string;
  @TimestampProperty() recordedAt!: string;
  @PositionProperty() position!: number;
}

/** One line of a run: what the statement and the ledger say, and whether the difference was resolved. */
class RunLineDto {
  @IntegerProperty({ minimum: 1, description: 'what `POST …/resolutions` takes as `item`' }) item!: number;
  @ApiProperty({ enum: ['matched', 'amount-differs', 'payee-differs', 'only-in-statement', 'only-in-ledger'] })
  outcome!: string;
  @ApiProperty({ enum: ['voucher', 'amount-date-payee'], nullable: true, description: 'how the two sides paired' })
  by!: string | null;
  @ApiProperty({ type: StatementSideDto, nullable: true }) statement!: StatementSideDto | null;
  @ApiProperty({ type: LedgerSideDto, nullable: true }) ledger!: LedgerSideDto | null;
  @YuanProperty({ nullable: true, description: 'statement − ledger, where both sides are there' })
  difference!: string | null;
  @ApiProperty({ type: LineResolutionDto, nullable: true }) resolved!: LineResolutionDto | null;
}

class RunLinesDto {
  @ApiProperty({ type: [RunLineDto] }) matched!: RunLineDto[];
  @ApiProperty({ type: [RunLineDto] }) amountDiffers!: RunLineDto[];
  @ApiProperty({ type: [RunLineDto] }) payeeDiffers!: RunLineDto[];
  @ApiProperty({ type: [RunLineDto] }) onlyInStatement!: RunLineDto[];
  @ApiProperty({ type: [RunLineDto] }) onlyInLedger!: RunLineDto[];
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
  @TimestampProperty() recordedAt!: string;
  @ApiProperty({ example: 'ledger.statement-matching' }) rule!: string;
  @ApiProperty() citation!: string;
  @ApiProperty({ type: RunFileDto }) file!: RunFileDto;
  @ApiProperty({ type: RunPeriodDto, description: 'the payment dates compared' }) period!: RunPeriodDto;
  @IntegerProperty({ optional: true, nullable: true }) fiscalYear?: number | null;
  @ApiPropertyOptional({ enum: CONSORTIUM_POLICY_IDS, nullable: true }) policy?: string | null;
  @ApiPropertyOptional({ type: [String], description: 'the jurisdiction it was run under (policy ids, regions)' })
  jurisdiction?: string[];
  @ApiProperty({ type: RunCountsDto }) counts!: RunCountsDto;
  @ApiProperty({ type: RunDifferencesDto }) differences!: RunDifferencesDto;
  @ApiProperty({ type: RunTotalsDto }) totals!: RunTotalsDto;
  @ApiProperty({ type: RunLinesDto }) lines!: RunLinesDto;
  @PositionProperty() position!: number;
}
