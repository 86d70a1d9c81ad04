import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubsidyAnswerDto } from '@ledger/presentation/subsidy.view.dto';
import { yuanToFen } from '@ledger/domain/shared/money';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { SubsidyCommandMessage } from '../subsidy-command.message';
import { DisburseSubsidyDto } from './disburse-subsidy.dto';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
export class DisburseSubsidyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/disbursements')
  @Roles('finance')
  @ApiCreatedResponse({ type: SubsidyAnswerDto })
  @ApiOperation({
    summary:
      'Pay a tranche against a voucher; not beyond granted − cancelled − disbursed (ledger.disburse-within-grant).',
  })
  handle(@Param('id') id: string, @Body() dto: DisburseSubsidyDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new SubsidyCommandMessage(
        {
          type: 'DisburseSubsidy',
          data: { subsidyId: id, amountFen: yuanToFen(dto.amount), paidOn: dto.paidOn, voucher: dto.voucher },
        },
        meta,
      ),
    );
  }
}
