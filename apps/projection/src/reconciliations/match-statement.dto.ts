import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';
import { DecimalInteger, IsBusinessDate, Optional, validationRule } from '@ledger/platform';
import { CONSORTIUM_POLICY_IDS, ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';

const IsUploadedFile = validationRule(
  'isUploadedFile',
  (value) => Buffer.isBuffer(value),
  (property) => `${property} must be a file sent as multipart/form-data (CSV in UTF-8 or GBK, or XLSX)`,
);

/** `POST /v1/reconciliations` (multipart/form-data): the statement file and what to compare it with. */
export class MatchStatementDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'the payment statement: CSV (UTF-8 or GBK) or XLSX' })
  @IsUploadedFile()
  file!: Buffer;

  @ApiPropertyOptional({
    example: '2025-11-01',
    description: 'first payment date compared (default: the file’s first)',
  })
  @Optional()
  @IsBusinessDate()
  from?: string;

  @ApiPropertyOptional({ example: '2025-11-30', description: 'last payment date compared (default: the file’s last)' })
  @Optional()
  @IsBusinessDate()
  to?: string;

  @ApiPropertyOptional({ example: 2025, description: "the grants' fiscal year; every year when absent" })
  @Optional()
  @DecimalInteger()
  @IsInt({ message: 'fiscalYear must be an integer year, e.g. 2025' })
  @Min(1900)
  @Max(2999)
  fiscalYear?: number;

  @ApiPropertyOptional({ enum: CONSORTIUM_POLICY_IDS, description: 'every policy when absent' })
  @Optional()
  @IsIn(CONSORTIUM_POLICY_IDS)
  policy?: ConsortiumPolicyId;

  @ApiPropertyOptional({
    example: '{"voucher":"凭证编号","amount":"支付金额(万元)","date":"支付日期","payee":"收款人","amountUnit":"wan"}',
    description:
      'JSON naming the columns by their header: voucher, amount, date, payee, creditCode; amountUnit "yuan" (default) ' +
      'or "wan". Without it a Chinese header row is recognised.',
  })
  @Optional()
  @IsString()
  @MaxLength(4000)
  mapping?: string;
}

/** `POST /v1/reconciliations/{id}/resolutions`: one difference of the run, and how it was resolved. */
export class ResolveDifferenceDto {
  @ApiProperty({ example: 3, description: "the line's `item` in the run" })
  @IsInt()
  @Min(1)
  item!: number;

  @ApiProperty({ example: '财政已于2025-12-02补付差额' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}
