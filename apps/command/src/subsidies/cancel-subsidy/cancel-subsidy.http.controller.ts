import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubsidyAnswerDto } from '@ledger/presentation/subsidy.view.dto';
import { yuanToFen } from '@ledger/domain/shared/money';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { SubsidyCommandMessage } from '../subsidy-command.message';
import { CancelSubsidyDto } from './cancel-subsidy.dto';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
export class CancelSubsidyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/cancellation')
  @Roles('finance')
  @ApiCreatedResponse({ type: SubsidyAnswerDto })
  @ApiOperation({
    summary:
      'Cancel undisbursed money (ledger.cancel-undisbursed). It releases headroom on every cap the grant counted against.',
  })
  handle(@Param('id') id: string, @Body() dto: CancelSubsidyDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new SubsidyCommandMessage(
        {
          type: 'CancelSubsidy',
          data: { subsidyId: id, amountFen: yuanToFen(dto.amount), on: dto.on, reason: dto.reason },
        },
        meta,
      ),
    );
  }
}
