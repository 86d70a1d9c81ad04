import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { WaiveRuleDto } from './waive-rule.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class WaiveRuleHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/waivers')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({
    summary:
      'Set aside a 原则上 rule checked at approval for this consortium, on the approving document (ledger.waivers).',
    description:
      'The waived rule then shows ok: true with { reference, reason, actor } in every later verdict, and approval cites ' +
      'it. 422 for a rule whose clause does not say 原则上, for a rule decided at filing (waive it in the filing body), ' +
      'or for one already waived; 400 for a rule the policy does not have.',
  })
  handle(@Param('id') id: string, @Body() dto: WaiveRuleDto, @CommandMeta() meta: CommandMetadata) {
    const { rule, on, reason, reference } = dto;
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'WaiveRule', data: { consortiumId: id, rule, on, reason, reference } },
        meta,
      ),
    );
  }
}
