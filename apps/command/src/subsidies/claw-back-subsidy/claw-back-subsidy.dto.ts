import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CLAWBACK_REASONS, ClawbackReason } from '@ledger/domain/subsidy/subsidy.commands';
import { IsBusinessDate } from '@ledger/platform';
import { IsPositiveYuan } from '../positive-yuan.validator';

export class ClawBackSubsidyDto {
  @ApiProperty({ example: '500000.00', description: 'not beyond what was disbursed and not yet clawed back' })
  @IsPositiveYuan()
  amount!: string;

  @ApiProperty({ example: '2025-07-01' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({
    enum: CLAWBACK_REASONS,
    description:
      'fraud under tianjin-2018-alliance also records the units answerable as dishonest (tianjin.fraud, 第十六条)',
  })
  @IsIn(CLAWBACK_REASONS, { message: `reason must be one of ${CLAWBACK_REASONS.join(', ')}` })
  reason!: ClawbackReason;
}
