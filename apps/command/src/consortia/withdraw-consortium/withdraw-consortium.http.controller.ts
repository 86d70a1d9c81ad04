import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
  @ApiOperation({ summary: 'Withdraw the filing.' })
  handle(@Param('id') id: string, @Body() dto: WithdrawConsortiumDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage({ type: 'WithdrawConsortium', data: { consortiumId: id, on: dto.on } }, meta),
    );
  }
}
