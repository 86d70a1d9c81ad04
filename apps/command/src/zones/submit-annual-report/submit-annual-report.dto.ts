import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsInt, IsObject, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { yuanToFen } from '@ledger/domain/shared/money';
import { IsBusinessDate, IsYuan } from '@ledger/platform';
import {
  countOrPartsSchema,
  IsCount,
  IsCountOrParts,
  IsExactDecimal,
  IsPositiveYuanAmount,
} from './indicator.validators';
import { decimalToScaled } from '@ledger/domain/shared/scaled-decimal';
import {
  FinancingInstitutionParts,
  INDICATOR_SCALES,
  TransferInstitutionParts,
  ZoneIndicators,
} from '@ledger/domain/policies/zone-indicators';

/** The part names of the two combined indicators; `satisfies` keeps them complete with the domain's types. */
const TRANSFER_PARTS = Object.keys({ national: 0, regional: 0, universityAndInstitute: 0, other: 0 } satisfies Record<
  keyof TransferInstitutionParts,
  0
>);
const FINANCING_PARTS = Object.keys({
  investmentAndFinancing: 0,
  makerSpaces: 0,
  incubators: 0,
  otherPlatforms: 0,
} satisfies Record<keyof FinancingInstitutionParts, 0>);

/** The values of 附件2, as API.md writes them. */
export class ZoneIndicatorsDto {
  @ApiProperty({
    example: '60000000.00',
    description: '技术合同成交额 last year, yuan (zone.tech-contract-turnover: at least 5000万元)',
  })
  @IsYuan()
  techContractTurnover!: string;

  @ApiProperty({
    example: 1.6,
    description:
      '每万人口高价值发明专利拥有量, a number with at most 2 decimals (zone.high-value-patents: at least 1.50)',
  })
  @IsExactDecimal(INDICATOR_SCALES.highValuePatentsPer10k)
  highValuePatentsPer10k!: number;

  @ApiProperty({
    ...countOrPartsSchema(TRANSFER_PARTS, 12),
    description: '技术转移机构: the total, or its four parts (summed) (zone.transfer-institutions: at least 10)',
  })
  @IsCountOrParts(TRANSFER_PARTS)
  transferInstitutions!: number | TransferInstitutionParts;

  @ApiProperty({ example: 15, description: '技术经纪人/经理人 (zone.brokers: at least 10)' })
  @IsCount()
  brokers!: number;

  @ApiProperty({ example: 100, description: '园区企业数量 (zone.park-enterprises: at least 80)' })
  @IsCount()
  parkEnterprises!: number;

  @ApiProperty({
    example: 0.35,
    description:
      'share of 高新技术企业和科技型中小企业 among park enterprises, 0 to 1, at most 4 decimals (zone.hightech-share: at least 0.30)',
  })
  @IsExactDecimal(INDICATOR_SCALES.hightechShare, 1)
  hightechShare!: number;

  @ApiProperty({
    example: 0.31,
    description:
      'share of 高新技术产业营业总收入 in park revenue, 0 to 1, at most 4 decimals (zone.hightech-revenue-share: at least 0.30)',
  })
  @IsExactDecimal(INDICATOR_SCALES.hightechRevenueShare, 1)
  hightechRevenueShare!: number;

  @ApiProperty({
    ...countOrPartsSchema(FINANCING_PARTS, 11),
    description:
      '投融资机构 + 众创空间 + 孵化器 + other platforms: the total, or the four parts (summed) (zone.financing-institutions: at least 10)',
  })
  @IsCountOrParts(FINANCING_PARTS)
  financingInstitutions!: number | FinancingInstitutionParts;

  @ApiProperty({ example: 40, description: '科技企业孵化器在孵企业数 (zone.incubated-enterprises: at least 35)' })
  @IsCount()
  incubatedEnterprises!: number;

  @ApiProperty({
    example: true,
    description: 'local finance has a special fund for technology transfer (zone.special-fund)',
  })
  @IsBoolean()
  specialFund!: boolean;

  @ApiPropertyOptional({
    example: '1250000.00',
    description:
      "园区内研发经费投入, yuan, given with parkGdp (zone.rd-intensity 四(三): R&D / park GDP above the region's average)",
  })
  @ValidateIf((dto: ZoneIndicatorsDto) => dto.rdSpending !== undefined || dto.parkGdp !== undefined)
  @IsDefined({ message: 'rdSpending is required with parkGdp: the two are given together' })
  @IsYuan()
  rdSpending?: string;

  @ApiPropertyOptional({ example: '100000000.00', description: '园区GDP, yuan, above zero, given with rdSpending' })
  @ValidateIf((dto: ZoneIndicatorsDto) => dto.rdSpending !== undefined || dto.parkGdp !== undefined)
  @IsDefined({ message: 'parkGdp is required with rdSpending: the two are given together' })
  @IsPositiveYuanAmount()
  parkGdp?: string;

  @ApiPropertyOptional({
    example: 120,
    description: '技术交易项数, technology contracts (zone.growth 四(二): number and turnover above the year before)',
  })
  @ValidateIf((dto: ZoneIndicatorsDto) => dto.techContractCount !== undefined)
  @IsCount()
  techContractCount?: number;
}

export class SubmitAnnualReportDto {
  @ApiProperty({
    example: 2025,
    description: 'the year reported on; due by 31 December of that year (zone.annual-report-due 六(四))',
  })
  @IsInt()
  @Min(2000)
  @Max(9999)
  year!: number;

  @ApiProperty({ example: '2025-12-20' })
  @IsBusinessDate()
  submittedOn!: string;

  @ApiProperty({ type: ZoneIndicatorsDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ZoneIndicatorsDto)
  indicators!: ZoneIndicatorsDto;
}

const partsOrCount = <T extends object>(value: number | T, parts: readonly string[]): number | T =>
  typeof value === 'number'
    ? value
    : (Object.fromEntries(parts.map((p) => [p, (value as Record<string, number>)[p]])) as T);

/** Validated input → the domain's exact integer units (fen, hundredths, basis points). */
export function toZoneIndicators(dto: ZoneIndicatorsDto): ZoneIndicators {
  return {
    techContractTurnoverFen: yuanToFen(dto.techContractTurnover),
    highValuePatentsPer10kHundredths: decimalToScaled(
      String(dto.highValuePatentsPer10k),
      INDICATOR_SCALES.highValuePatentsPer10k,
    ),
    transferInstitutions: partsOrCount(dto.transferInstitutions, TRANSFER_PARTS),
    brokers: dto.brokers,
    parkEnterprises: dto.parkEnterprises,
    hightechShareBasisPoints: decimalToScaled(String(dto.hightechShare), INDICATOR_SCALES.hightechShare),
    hightechRevenueShareBasisPoints: decimalToScaled(
      String(dto.hightechRevenueShare),
      INDICATOR_SCALES.hightechRevenueShare,
    ),
    financingInstitutions: partsOrCount(dto.financingInstitutions, FINANCING_PARTS),
    incubatedEnterprises: dto.incubatedEnterprises,
    specialFund: dto.specialFund,
    ...(dto.rdSpending !== undefined && { rdSpendingFen: yuanToFen(dto.rdSpending) }),
    ...(dto.parkGdp !== undefined && { parkGdpFen: yuanToFen(dto.parkGdp) }),
    ...(dto.techContractCount !== undefined && { techContractCount: dto.techContractCount }),
  };
}
