import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubsidyAnswerDto } from '@ledger/presentation/subsidy.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { SecondSignatureDto } from '../approve-grant/second-signature.dto';
import { SubsidyCommandMessage } from '../subsidy-command.message';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
export class DeclineGrantHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/decline')
  @Roles('finance')
  @ApiCreatedResponse({ type: SubsidyAnswerDto })
  @ApiOperation({
    summary:
      'Refuse a pending grant (ledger.dual-control): it ends `declined` and releases its headroom under every cap.',
    description: '422 invalid-state when the subsidy is not pending.',
  })
  handle(@Param('id') id: string, @Body() dto: SecondSignatureDto, @CommandMeta() meta: CommandMetadata) {
    const { on, note } = dto;
    return this.commandBus.execute(
      new SubsidyCommandMessage(
        { type: 'DeclineGrant', data: { subsidyId: id, on, ...(note !== undefined && { note }) } },
        meta,
      ),
    );
  }
}
