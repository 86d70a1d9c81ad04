import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubsidyAnswerDto } from '@ledger/presentation/subsidy.view.dto';
import { yuanToFen } from '@ledger/domain/shared/money';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { SubsidyCommandMessage } from '../subsidy-command.message';
import { RecordRefundDto } from './record-refund.dto';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
export class RecordRefundHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/refunds')
  @Roles('finance')
  @ApiCreatedResponse({ type: SubsidyAnswerDto })
  @ApiOperation({
    summary:
      'Record money returned against clawbacks (ledger.refund-within-clawback); possible after a termination too.',
  })
  handle(@Param('id') id: string, @Body() dto: RecordRefundDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new SubsidyCommandMessage(
        {
          type: 'RecordSubsidyRefund',
          data: { subsidyId: id, amountFen: yuanToFen(dto.amount), receivedOn: dto.receivedOn, voucher: dto.voucher },
        },
        meta,
      ),
    );
  }
}
