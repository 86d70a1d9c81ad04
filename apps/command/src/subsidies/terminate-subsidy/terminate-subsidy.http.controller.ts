import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubsidyAnswerDto } from '@ledger/presentation/subsidy.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { SubsidyCommandMessage } from '../subsidy-command.message';
import { TerminateSubsidyDto } from './terminate-subsidy.dto';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
export class TerminateSubsidyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/termination')
  @Roles('finance')
  @ApiCreatedResponse({ type: SubsidyAnswerDto })
  @ApiOperation({
    summary:
      'Terminate the project: the undisbursed rest is cancelled (releasing its headroom) and everything disbursed is clawed back.',
    description:
      'nmg.terminate-and-recover (六(二)) under nmg-2024-consortium; ledger.terminate-and-recover, the same mechanics, elsewhere. Afterwards only refunds are recorded.',
  })
  handle(@Param('id') id: string, @Body() dto: TerminateSubsidyDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new SubsidyCommandMessage(
        { type: 'TerminateSubsidy', data: { subsidyId: id, on: dto.on, reason: dto.reason } },
        meta,
      ),
    );
  }
}
