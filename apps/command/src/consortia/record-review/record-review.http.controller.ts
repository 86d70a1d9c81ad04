import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { RecordReviewDto } from './record-review.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class RecordReviewHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/reviews')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({ summary: 'Record a review step (preliminary, formal, technical, expert) and its outcome.' })
  handle(@Param('id') id: string, @Body() dto: RecordReviewDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage({ type: 'RecordReview', data: { consortiumId: id, ...dto } }, meta),
    );
  }
}
