import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZoneAnswerDto } from '@ledger/presentation/zone.view.dto';
import { CommandMeta, CommandMetadata, entityIdFor, Roles } from '@ledger/platform';
import { ZoneAnswer } from '../zone-answer';
import { ZoneCommandMessage } from '../zone-command.message';
import { DesignateZoneDto } from './designate-zone.dto';

@ApiTags('zones')
@ApiBearerAuth()
@Controller('v1/zones')
export class DesignateZoneHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('officer')
  @ApiOperation({
    summary: 'Designate a demonstration zone (示范区) under nmg-2022-zone. 422 policy-not-in-force before 2022-11-14.',
  })
  @ApiCreatedResponse({
    type: ZoneAnswerDto,
    description: '`{ id, status: "active", policy, name, approvedOn, decisions, position }`',
  })
  designate(@Body() dto: DesignateZoneDto, @CommandMeta() meta: CommandMetadata): Promise<ZoneAnswer> {
    // The id derives from the command id: a repeat with the same Idempotency-Key names the same zone.
    const zoneId = entityIdFor('zone', meta.commandId);
    return this.commandBus.execute(
      new ZoneCommandMessage(
        { type: 'DesignateZone', data: { zoneId, policy: dto.policy, name: dto.name, approvedOn: dto.approvedOn } },
        meta,
      ),
    );
  }
}
