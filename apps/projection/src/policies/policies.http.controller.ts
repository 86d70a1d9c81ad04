import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MinPositionGuard, notFound, Roles } from '@ledger/platform';
import { QueryOptionsDto } from '../shared/query-options.dto';
import { policyViews } from './policy.view';

/** The rules as the ledger applies them: so every decision's rule id and citation can be looked up, with its numbers. */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('v1/policies')
@UseGuards(MinPositionGuard)
export class PoliciesHttpController {
  private readonly policies = policyViews();

  @Get()
  @Roles('viewer')
  @ApiOperation({
    summary: 'Every policy: its period, every parameter with clause, effective dates and Ledger interpretation.',
  })
  list(@Query() _query: QueryOptionsDto) {
    return { items: this.policies };
  }

  @Get(':id')
  @Roles('viewer')
  @ApiOperation({ summary: 'One policy, e.g. nmg-2024-consortium.' })
  one(@Param('id') id: string, @Query() _query: QueryOptionsDto) {
    const policy = this.policies.find((p) => p.id === id);
    if (!policy) throw notFound(`policy ${id}`);
    return policy;
  }
}
