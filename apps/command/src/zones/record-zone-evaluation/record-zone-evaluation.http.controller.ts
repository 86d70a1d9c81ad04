import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ZoneAnswer } from '../zone-answer';
import { ZoneCommandMessage } from '../zone-command.message';
import { RecordZoneEvaluationDto } from './record-zone-evaluation.dto';

@ApiTags('zones')
@ApiBearerAuth()
@Controller('v1/zones')
export class RecordZoneEvaluationHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/evaluations')
  @Roles('officer')
  @ApiOperation({
    summary: 'Record an evaluation (zone.evaluation-cycle 六(四)) and its consequences (七(三)).',
    description:
      'unqualified → `rectification` until the same date two years later (zone.rectification); unqualified on or after ' +
      'that date → `removed` (zone.removal); qualified or excellent during rectification → `active` again; excellent → ' +
      'recommended for national level (zone.excellent-recommend). An active zone is not evaluated before the third ' +
      'anniversary of its approval (422 rule-violated). A removed zone takes no command (422 invalid-state).',
  })
  @ApiCreatedResponse({
    description:
      '`{ id, status, evaluation, rectificationUntil?, recommendedForNational, removed?, decisions: [{ type, rule, citation }], position }`',
  })
  record(
    @Param('id') id: string,
    @Body() dto: RecordZoneEvaluationDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<ZoneAnswer> {
    return this.commandBus.execute(
      new ZoneCommandMessage(
        { type: 'RecordZoneEvaluation', data: { zoneId: id, on: dto.on, grade: dto.grade } },
        meta,
      ),
    );
  }
}
