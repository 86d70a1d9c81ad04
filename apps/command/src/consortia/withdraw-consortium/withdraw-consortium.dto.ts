import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '@ledger/platform';

export class WithdrawConsortiumDto {
  @ApiProperty({ example: '2025-04-01' })
  @IsBusinessDate()
  on!: string;
}
