import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';
import { MemberDto } from '../unit.dto';

export class AddMemberDto {
  @ApiProperty({ example: '2025-11-01' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ type: MemberDto })
  @IsObject()
  @ValidateNested()
  @Type(() => MemberDto)
  member!: MemberDto;
}
