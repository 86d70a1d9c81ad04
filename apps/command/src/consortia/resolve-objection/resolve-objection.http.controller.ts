import { Body, Controller, Param, ParseIntPipe, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { ResolveObjectionDto } from './resolve-objection.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class ResolveObjectionHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/objections/:n/resolution')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({ summary: 'Resolve objection n: upheld (approval will refuse) or dismissed.' })
  handle(
    @Param('id') id: string,
    @Param('n', ParseIntPipe) n: number,
    @Body() dto: ResolveObjectionDto,
    @CommandMeta() meta: CommandMetadata,
  ) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'ResolveObjection', data: { consortiumId: id, n, on: dto.on, outcome: dto.outcome } },
        meta,
      ),
    );
  }
}
