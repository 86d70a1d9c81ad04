import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '@ledger/platform';

export class ApproveConsortiumDto {
  @ApiProperty({ example: '2025-10-12' })
  @IsBusinessDate()
  on!: string;
}
