import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubsidyAnswerDto } from '@ledger/presentation/subsidy.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { SubsidyCommandMessage } from '../subsidy-command.message';
import { SecondSignatureDto } from './second-signature.dto';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
export class ApproveGrantHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/approval')
  @Roles('finance')
  @ApiCreatedResponse({ type: SubsidyAnswerDto })
  @ApiOperation({
    summary: 'Sign a pending grant as the second finance user (ledger.dual-control): it may then be paid.',
    description:
      'Only when LEDGER_DUAL_CONTROL_AMOUNT is set: grants at or above it are recorded `pending`. 403 for the ' +
      "grant's maker; 422 invalid-state when the subsidy is not pending.",
  })
  handle(@Param('id') id: string, @Body() dto: SecondSignatureDto, @CommandMeta() meta: CommandMetadata) {
    const { on, note } = dto;
    return this.commandBus.execute(
      new SubsidyCommandMessage(
        { type: 'ApproveGrant', data: { subsidyId: id, on, ...(note !== undefined && { note }) } },
        meta,
      ),
    );
  }
}
