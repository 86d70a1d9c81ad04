import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';

export class RenameConsortiumDto {
  @ApiProperty({ example: '2025-12-01' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;
}
