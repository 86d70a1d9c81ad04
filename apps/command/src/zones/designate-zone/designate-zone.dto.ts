import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { ZONE_POLICY_IDS, ZonePolicyId } from '@ledger/domain/policies/nmg-2022-zone';
import { IsBusinessDate } from '@ledger/platform';

export class DesignateZoneDto {
  @ApiProperty({ enum: ZONE_POLICY_IDS })
  @IsIn(ZONE_POLICY_IDS, { message: `policy must be one of ${ZONE_POLICY_IDS.join(', ')}` })
  policy!: ZonePolicyId;

  @ApiProperty({ example: '包头稀土高新技术产业开发区科技成果转移转化示范区' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({
    example: '2022-12-01',
    description: 'the date the zone was approved; on or after the policy was issued, not after today',
  })
  @IsBusinessDate()
  approvedOn!: string;
}
