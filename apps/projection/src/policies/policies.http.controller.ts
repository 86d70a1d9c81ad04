import { recordCalled } from '@ledger/platform';
import { Controller, Get, Header, Headers, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PolicyCatalogueDto, PolicyDto } from '@ledger/presentation/policy-catalogue.view.dto';
import { MinPositionGuard, notFound, preferredLanguage, Roles } from '@ledger/platform';
import { policyCatalogueView } from '@ledger/presentation';
import { QueryOptionsDto } from '../shared/query-options.dto';

/** The rules as the ledger applies them: so every decision's rule id and citation can be looked up, with its numbers. */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('v1/policies')
@UseGuards(MinPositionGuard)
export class PoliciesHttpController {
  // The same view docs/POLICIES.md is rendered from (npm run docs), with rule titles in each language.
  private readonly catalogues = { zh: policyCatalogueView('zh'), en: policyCatalogueView('en') };

  @Get()
  @Roles('viewer')
  @ApiOkResponse({ type: PolicyCatalogueDto })
  @ApiOperation({
    operationId: 'listPolicies',
    summary:
      'Every policy: its period, its rules in words (waivable or not), every parameter with clause, effective dates ' +
      "and Ledger interpretation, its funding categories; the ledger's own rules and dated interpretations, and the " +
      "catalogue version. Each rule has a `title`: Chinese (the clause's words), or English with `Accept-Language: en`.",
  })
  @Header('vary', 'Accept-Language')
  list(@Query() _query: QueryOptionsDto, @Headers('accept-language') acceptLanguage?: string) {
    return this.catalogues[preferredLanguage(acceptLanguage)];
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOkResponse({ type: PolicyDto })
  @ApiOperation({ operationId: 'getPolicy', summary: 'One policy, e.g. nmg-2024-consortium.' })
  @Header('vary', 'Accept-Language')
  one(@Param('id') id: string, @Query() _query: QueryOptionsDto, @Headers('accept-language') acceptLanguage?: string) {
    const policy = this.catalogues[preferredLanguage(acceptLanguage)].items.find((p) => p.id === id);
    if (!policy) throw notFound(recordCalled('policy', id));
    return policy;
  }
}
