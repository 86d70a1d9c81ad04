import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';

export class RejectConsortiumDto {
  @ApiProperty({ example: '2025-10-12' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ example: 'the expert review failed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
