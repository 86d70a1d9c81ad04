import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubsidyAnswerDto } from '@ledger/presentation/subsidy.view.dto';
import { yuanToFen } from '@ledger/domain/shared/money';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { SubsidyCommandMessage } from '../subsidy-command.message';
import { ClawBackSubsidyDto } from './claw-back-subsidy.dto';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
export class ClawBackSubsidyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/clawbacks')
  @Roles('finance')
  @ApiCreatedResponse({ type: SubsidyAnswerDto })
  @ApiOperation({
    summary: 'Claw back misused money (not beyond what was disbursed). It does not restore cap headroom.',
    description:
      '`fraud` under tianjin-2018-alliance also records the recipient and the responsible unit as dishonest (tianjin.fraud, 第十六条): no later grant to them under any policy.',
  })
  handle(@Param('id') id: string, @Body() dto: ClawBackSubsidyDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new SubsidyCommandMessage(
        {
          type: 'ClawBackSubsidy',
          data: { subsidyId: id, amountFen: yuanToFen(dto.amount), on: dto.on, reason: dto.reason },
        },
        meta,
      ),
    );
  }
}
