import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';

export class DissolveConsortiumDto {
  @ApiProperty({ example: '2026-06-30' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ example: 'the members agreed to dissolve' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
