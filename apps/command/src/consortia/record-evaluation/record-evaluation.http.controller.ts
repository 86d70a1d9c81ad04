import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { RecordEvaluationDto } from './record-evaluation.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class RecordEvaluationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/evaluations')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({
    summary:
      'Record an evaluation; consequences per policy (Luzhou: the second consecutive unqualified delists, luzhou.delist).',
  })
  handle(@Param('id') id: string, @Body() dto: RecordEvaluationDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage({ type: 'RecordEvaluation', data: { consortiumId: id, ...dto } }, meta),
    );
  }
}
