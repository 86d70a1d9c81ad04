import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DateProperty, JsonValueProperty } from '@ledger/platform';

/** GET /v1/policies and /v1/policies/{id} as the OpenAPI document describes them (policy-catalogue.view.ts). */
export class RuleRefDto {
  @ApiProperty({ example: 'nmg.members-min' }) rule!: string;
  @ApiProperty({ example: '三(一)' }) citation!: string;
}

export class RuleWaiverDto {
  @ApiProperty({ description: 'the clause’s words, 原则上 included' }) text!: string;
  @ApiProperty({ enum: ['filing', 'approval'] }) decidedAt!: string;
}

export class RuleViewDto extends RuleRefDto {
  @ApiProperty({ description: 'what the rule says, in English with its key terms in Chinese' }) text!: string;
  @ApiPropertyOptional({ description: 'a Ledger interpretation no parameter carries' }) interpretation?: string;
  @ApiPropertyOptional({ description: 'why no decision names this rule yet' }) textOnly?: string;
  @ApiProperty({ description: 'Chinese (the clause’s words) by default, English with `Accept-Language: en`' })
  title!: string;
  @ApiProperty() waivable!: boolean;
  @ApiPropertyOptional({ type: RuleWaiverDto }) waiver?: RuleWaiverDto;
}

export class ParameterVersionDto {
  @DateProperty() from!: string;
  @DateProperty({ optional: true }) to?: string;
  @JsonValueProperty({
    description:
      'the number in force: a count, a ratio, yuan (`unit: yuan`), a list or a small record, as the parameter’s ' +
      'description says; null where the text sets no number',
  })
  value!: unknown;
}

export class ParameterViewDto extends RuleRefDto {
  @ApiProperty({ description: 'money parameters lose their `Fen` suffix and are given in yuan' }) name!: string;
  @ApiProperty() description!: string;
  @ApiPropertyOptional({ enum: [true] }) waivable?: boolean;
  @ApiPropertyOptional({ enum: ['yuan'] }) unit?: string;
  @ApiPropertyOptional() interpretation?: string;
  @ApiProperty({ type: [ParameterVersionDto] }) versions!: ParameterVersionDto[];
}

export class InForceDto {
  @ApiPropertyOptional() rule?: string;
  @ApiPropertyOptional() citation?: string;
  @DateProperty() from!: string;
  @DateProperty({ optional: true }) to?: string;
  @ApiPropertyOptional() interpretation?: string;
}

export class WaivableRuleDto extends RuleRefDto {
  @ApiProperty() text!: string;
  @ApiProperty({ enum: ['filing', 'approval'] }) decidedAt!: string;
  @ApiPropertyOptional({ description: 'the waiver holds while the unit it was granted for leads' }) aboutLead?: boolean;
}

export class FundingCategoryViewDto extends RuleRefDto {
  @ApiProperty({ example: 'nmg.project' }) id!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: [String], description: 'grant fields the category needs besides the common ones' })
  requires!: string[];
  @ApiProperty({ type: [String], description: 'names of the parameters its rules and caps read' })
  parameters!: string[];
}

export class FundingViewDto {
  @ApiProperty({ type: InForceDto }) inForce!: InForceDto;
  @ApiProperty({ type: [String] }) categories!: string[];
  @ApiProperty({ type: [FundingCategoryViewDto] }) categoryDetails!: FundingCategoryViewDto[];
  @ApiProperty({ type: [ParameterViewDto] }) parameters!: ParameterViewDto[];
  @ApiProperty({ type: RuleRefDto }) termination!: RuleRefDto;
  @ApiProperty({ type: RuleRefDto }) projectChange!: RuleRefDto;
}

export class LedgerInterpretationDto {
  @ApiProperty({ example: 'ledger.no-future-facts' }) id!: string;
  @DateProperty({ description: 'the catalogue version that introduced it' }) since!: string;
  @ApiProperty({ type: [String] }) rules!: string[];
  @ApiProperty() text!: string;
  @ApiPropertyOptional({ description: 'what it replaces, when it reverses an earlier reading' }) replaces?: string;
}

export class PolicyDto {
  @ApiProperty({ example: 'nmg-2024-consortium' }) id!: string;
  @ApiProperty({ enum: ['consortium', 'zone'] }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() issuer!: string;
  @DateProperty() issuedOn!: string;
  @ApiProperty({ type: InForceDto }) inForce!: InForceDto;
  @ApiProperty({ type: [RuleViewDto] }) rules!: RuleViewDto[];
  @ApiProperty({ type: [ParameterViewDto] }) parameters!: ParameterViewDto[];
  @ApiPropertyOptional({ type: [WaivableRuleDto], description: 'consortium policies' }) waivable?: WaivableRuleDto[];
  @ApiPropertyOptional({ type: FundingViewDto, description: 'consortium policies' }) funding?: FundingViewDto;
  @ApiProperty({ type: [LedgerInterpretationDto] }) ledgerInterpretations!: LedgerInterpretationDto[];
}

export class PolicyCatalogueDto {
  @ApiProperty({ type: [PolicyDto] }) items!: PolicyDto[];
  @DateProperty({ description: 'the catalogue version: the date of its latest change' }) catalogueVersion!: string;
  @ApiProperty({
    type: [RuleViewDto],
    description: 'the shared lifecycle (`lifecycle.*`) and bookkeeping (`ledger.*`)',
  })
  ledgerRules!: RuleViewDto[];
  @ApiProperty({ type: [LedgerInterpretationDto] }) ledgerInterpretations!: LedgerInterpretationDto[];
}
