import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';

export class ResolveObjectionDto {
  @ApiProperty({ example: '2025-10-10' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ enum: ['upheld', 'dismissed'] })
  @IsIn(['upheld', 'dismissed'])
  outcome!: 'upheld' | 'dismissed';
}
