import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { toUnit } from '../unit.dto';
import { ChangeLeadDto } from './change-lead.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class ChangeLeadHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/lead-change')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({
    summary:
      'Change the lead. Under nmg-2024-consortium the consortium dissolves (nmg.dissolve-on-lead-change, 六(三)); elsewhere the lead is replaced if it passes the lead rules.',
  })
  handle(@Param('id') id: string, @Body() dto: ChangeLeadDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'ChangeLead', data: { consortiumId: id, on: dto.on, newLead: toUnit(dto.newLead) } },
        meta,
      ),
    );
  }
}
