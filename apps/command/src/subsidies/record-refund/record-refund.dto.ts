import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';
import { IsPositiveYuan } from '../positive-yuan.validator';

export class RecordRefundDto {
  @ApiProperty({ example: '500000.00', description: 'not beyond what was clawed back and not yet refunded' })
  @IsPositiveYuan()
  amount!: string;

  @ApiProperty({ example: '2025-08-01' })
  @IsBusinessDate()
  receivedOn!: string;

  @ApiProperty({ example: 'TK-2025-0001', description: 'the receipt voucher' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  voucher!: string;
}
