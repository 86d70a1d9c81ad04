import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';

export class TerminateSubsidyDto {
  @ApiProperty({ example: '2025-09-01' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ example: '经费分配不当' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
