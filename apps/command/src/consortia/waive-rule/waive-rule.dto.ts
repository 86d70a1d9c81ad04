import { ApiProperty } from '@nestjs/swagger';
import { IsBusinessDate } from '@ledger/platform';
import { WaiverDto } from './waiver.dto';

export class WaiveRuleDto extends WaiverDto {
  @ApiProperty({ example: '2025-09-20', description: 'the day the approving document was issued' })
  @IsBusinessDate()
  on!: string;
}
