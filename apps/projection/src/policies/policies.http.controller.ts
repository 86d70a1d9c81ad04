import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PolicyCatalogueDto, PolicyDto } from '../shared/query-answers.dto';
import { MinPositionGuard, notFound, Roles } from '@ledger/platform';
import { policyCatalogueView } from '@ledger/presentation';
import { QueryOptionsDto } from '../shared/query-options.dto';

/** The rules as the ledger applies them: so every decision's rule id and citation can be looked up, with its numbers. */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('v1/policies')
@UseGuards(MinPositionGuard)
export class PoliciesHttpController {
  // The same view docs/POLICIES.md is rendered from (npm run docs).
  private readonly catalogue = policyCatalogueView();

  @Get()
  @Roles('viewer')
  @ApiOkResponse({ type: PolicyCatalogueDto })
  @ApiOperation({
    operationId: 'listPolicies',
    summary:
      'Every policy: its period, its rules in words (waivable or not), every parameter with clause, effective dates ' +
      "and Ledger interpretation, its funding categories; the ledger's own rules and dated interpretations, and the " +
      'catalogue version.',
  })
  list(@Query() _query: QueryOptionsDto) {
    return this.catalogue;
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOkResponse({ type: PolicyDto })
  @ApiOperation({ operationId: 'getPolicy', summary: 'One policy, e.g. nmg-2024-consortium.' })
  one(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    const policy = this.catalogue.items.find((p) => p.id === id);
    if (!policy) throw notFound(`policy ${id}`);
    return policy;
  }
}
