import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { IsBusinessDate, Optional } from '@ledger/platform';
import { LeadDto, MemberDto } from '../unit.dto';
import { WaiverDto } from '../waive-rule/waiver.dto';
import { CONSORTIUM_POLICY_IDS, ConsortiumPolicyId } from '@ledger/domain/shared/policy-ids';

export class GovernanceDto {
  @ApiPropertyOptional({ description: '理事会 (tianjin.governance)' })
  @Optional()
  @IsBoolean()
  council?: boolean;

  @ApiPropertyOptional({ description: '专家委员会 (nmg.agreement, tianjin.governance)' })
  @Optional()
  @IsBoolean()
  expertCommittee?: boolean;

  @ApiPropertyOptional({ description: '秘书处 (tianjin.governance)' })
  @Optional()
  @IsBoolean()
  secretariat?: boolean;

  @ApiPropertyOptional({ description: 'a management body (nmg.agreement)' })
  @Optional()
  @IsBoolean()
  managementBody?: boolean;
}

export class FileConsortiumDto {
  @ApiProperty({ enum: CONSORTIUM_POLICY_IDS })
  @IsIn(CONSORTIUM_POLICY_IDS, { message: `policy must be one of ${CONSORTIUM_POLICY_IDS.join(', ')}` })
  policy!: ConsortiumPolicyId;

  @ApiProperty({ example: '内蒙古自治区稀土新材料产业链创新联合体' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '2025-03-01' })
  @IsBusinessDate()
  filedOn!: string;

  @ApiProperty({ type: LeadDto })
  @IsObject()
  @ValidateNested()
  @Type(() => LeadDto)
  lead!: LeadDto;

  @ApiProperty({ type: [MemberDto], description: 'member units, the lead excluded' })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => MemberDto)
  members!: MemberDto[];

  @ApiProperty()
  @IsBoolean()
  agreementSigned!: boolean;

  @ApiPropertyOptional({ description: '诚信承诺书 (luzhou.integrity)' })
  @Optional()
  @IsBoolean()
  integrityCommitment?: boolean;

  @ApiPropertyOptional({ type: GovernanceDto })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => GovernanceDto)
  governance?: GovernanceDto;

  @ApiPropertyOptional({
    example: '稀土新材料',
    description:
      'the key industrial chain (产业链) the consortium serves, under a policy that counts its consortia by chain ' +
      '(nmg-2024-consortium: nmg.chain-coverage)',
  })
  @Optional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  chain?: string;

  @ApiPropertyOptional({
    type: [WaiverDto],
    description:
      '原则上 rules set aside from the filing (ledger.waivers): needed for the rules that refuse the filing itself ' +
      '(nmg.one-per-lead, luzhou.annual-call); any waivable rule of the policy may be named',
  })
  @Optional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => WaiverDto)
  waivers?: WaiverDto[];
}
