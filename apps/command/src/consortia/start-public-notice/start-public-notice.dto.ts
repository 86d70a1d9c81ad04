import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '@ledger/platform';

export class StartPublicNoticeDto {
  @ApiProperty({ example: '2025-09-29', description: 'the first day of the notice; the answer gives endsOn' })
  @IsBusinessDate()
  startsOn!: string;
}
