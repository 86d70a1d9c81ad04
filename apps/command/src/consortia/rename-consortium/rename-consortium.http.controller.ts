import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { RenameConsortiumDto } from './rename-consortium.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class RenameConsortiumHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/rename')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({
    summary: 'Rename. Under nmg-2024-consortium the consortium dissolves (nmg.dissolve-on-rename, 六(三)).',
  })
  handle(@Param('id') id: string, @Body() dto: RenameConsortiumDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'RenameConsortium', data: { consortiumId: id, on: dto.on, name: dto.name } },
        meta,
      ),
    );
  }
}
