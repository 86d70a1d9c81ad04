import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { yuanToFen } from '@ledger/domain/shared/money';
import { IsCreditCode, IsYuan, Optional } from '@ledger/platform';
import { Unit, UNIT_KINDS, UnitKind } from '@ledger/domain/shared/unit';

/** A member unit (成员单位), identified by its unified social credit code. */
export class MemberDto {
  @ApiProperty({ example: '91150200MA0000001F', description: 'unified social credit code (GB 32100-2015)' })
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ example: '包头稀土研究院' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind!: UnitKind;
}

/** The lead unit (牵头单位 / 盟主 / 对外责任主体单位), with the figures the lead rules look at. */
export class LeadDto extends MemberDto {
  @ApiPropertyOptional({
    example: '45000000.00',
    description: 'R&D spending over the last three years, yuan (nmg.lead-rd)',
  })
  @Optional()
  @IsYuan()
  rdExpense3y?: string;

  @ApiPropertyOptional({
    example: '1200000000.00',
    description: 'revenue over the last three years, yuan (nmg.lead-rd)',
  })
  @Optional()
  @IsYuan()
  revenue3y?: string;

  @ApiPropertyOptional({ example: '20000000.00', description: 'R&D spending last year, yuan (nmg.lead-rd)' })
  @Optional()
  @IsYuan()
  rdExpenseLastYear?: string;

  @ApiPropertyOptional({ description: 'a new R&D institution (新型研发机构), which may lead under luzhou.lead' })
  @Optional()
  @IsBoolean()
  newRdInstitution?: boolean;
}

/** Edge → domain: money strings become integer fen here, and nowhere else. */
export function toUnit(dto: LeadDto | MemberDto): Unit {
  const lead = dto as LeadDto;
  return {
    creditCode: dto.creditCode,
    name: dto.name,
    kind: dto.kind,
    ...(lead.rdExpense3y !== undefined && { rdExpense3yFen: yuanToFen(lead.rdExpense3y) }),
    ...(lead.revenue3y !== undefined && { revenue3yFen: yuanToFen(lead.revenue3y) }),
    ...(lead.rdExpenseLastYear !== undefined && { rdExpenseLastYearFen: yuanToFen(lead.rdExpenseLastYear) }),
    ...(lead.newRdInstitution !== undefined && { newRdInstitution: lead.newRdInstitution }),
  };
}
