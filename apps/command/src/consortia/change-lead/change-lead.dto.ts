import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { IsBusinessDate } from '@ledger/platform';
import { LeadDto } from '../unit.dto';

export class ChangeLeadDto {
  @ApiProperty({ example: '2025-12-01' })
  @IsBusinessDate()
  on!: string;

  @ApiProperty({ type: LeadDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LeadDto)
  newLead!: LeadDto;
}
