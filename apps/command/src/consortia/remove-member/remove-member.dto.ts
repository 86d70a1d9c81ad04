import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { IsBusinessDate, IsCreditCode } from '@ledger/platform';

export class RemoveMemberParams {
  @ApiProperty()
  @IsString()
  id!: string;

  @ApiProperty({ example: '91150200MA0000001F' })
  @IsCreditCode()
  creditCode!: string;
}

export class RemoveMemberQuery {
  @ApiProperty({ example: '2025-11-01' })
  @IsBusinessDate()
  on!: string;
}
