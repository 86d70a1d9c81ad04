import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { DissolveConsortiumDto } from './dissolve-consortium.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class DissolveConsortiumHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/dissolution')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({ summary: 'Dissolve the consortium.' })
  handle(@Param('id') id: string, @Body() dto: DissolveConsortiumDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'DissolveConsortium', data: { consortiumId: id, on: dto.on, reason: dto.reason } },
        meta,
      ),
    );
  }
}
