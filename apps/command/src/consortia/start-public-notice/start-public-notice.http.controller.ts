import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { StartPublicNoticeDto } from './start-public-notice.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class StartPublicNoticeHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/public-notice')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({
    summary: 'Start the public notice; the answer gives endsOn (Chinese working days where the policy says so).',
  })
  handle(@Param('id') id: string, @Body() dto: StartPublicNoticeDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'StartPublicNotice', data: { consortiumId: id, startsOn: dto.startsOn } },
        meta,
      ),
    );
  }
}
