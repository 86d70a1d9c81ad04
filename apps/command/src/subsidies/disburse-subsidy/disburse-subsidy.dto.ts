import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';
import { IsPositiveYuan } from '../positive-yuan.validator';

export class DisburseSubsidyDto {
  @ApiProperty({ example: '1000000.00', description: 'not beyond what is granted and not cancelled nor paid yet' })
  @IsPositiveYuan()
  amount!: string;

  @ApiProperty({ example: '2025-05-10' })
  @IsBusinessDate()
  paidOn!: string;

  @ApiProperty({ example: 'PZ-2025-0001', description: 'the payment voucher (凭证号)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  voucher!: string;
}
