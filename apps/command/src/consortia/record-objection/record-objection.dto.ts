import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';

export class RecordObjectionDto {
  @ApiProperty({ example: '2025-10-09' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ example: 'the agreement lacks a member signature' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text!: string;
}
