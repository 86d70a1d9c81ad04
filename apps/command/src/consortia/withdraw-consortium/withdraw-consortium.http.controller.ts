import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { WithdrawConsortiumDto } from './withdraw-consortium.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class WithdrawConsortiumHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/withdrawal')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({ summary: 'Withdraw the filing.' })
  handle(@Param('id') id: string, @Body() dto: WithdrawConsortiumDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage({ type: 'WithdrawConsortium', data: { consortiumId: id, on: dto.on } }, meta),
    );
  }
}
