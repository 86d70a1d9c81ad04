import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZoneAnswerDto } from '@ledger/presentation/zone.view.dto';
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
      'An active zone is evaluated every 3 years from its approval (zone.evaluation-cycle 六(四)): an evaluation is ' +
      'accepted from a due date on, once the zone has been approved 3 years (满3年, zone.evaluation-from-anniversary), ' +
      'and takes that cycle; one per cycle; one before the first due date is 422 rule-violated. The answer names the ' +
      '`cycle` and the `nextDue` date. ' +
      'unqualified → `rectification` until the same date two years later (zone.rectification); no evaluation before ' +
      'that date is accepted (422 rule-violated, zone.rectification); the evaluation on or after it decides: ' +
      'unqualified → `removed` (zone.removal), qualified or excellent → `active`, the next evaluation due (and ' +
      'accepted from) 3 years after it. Excellent → recommended for national level (zone.excellent-recommend). A removed zone takes no ' +
      'command (422 invalid-state).',
  })
  @ApiCreatedResponse({
    type: ZoneAnswerDto,
    description:
      '`{ id, status, evaluation: { on, grade, kind, cycle?: { number, due, opens }, nextDue? }, rectificationUntil?, ' +
      'recommendedForNational, removed?, decisions: [{ type, rule, citation }], position }`',
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
