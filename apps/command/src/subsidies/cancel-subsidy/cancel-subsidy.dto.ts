import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';
import { IsPositiveYuan } from '../positive-yuan.validator';

export class CancelSubsidyDto {
  @ApiProperty({ example: '500000.00', description: 'undisbursed money only' })
  @IsPositiveYuan()
  amount!: string;

  @ApiProperty({ example: '2025-06-01' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ example: '预算调整' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
