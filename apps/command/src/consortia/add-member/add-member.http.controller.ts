import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { toUnit } from '../unit.dto';
import { AddMemberDto } from './add-member.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class AddMemberHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/members')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({ summary: 'Add a member unit; eligibility is assessed again.' })
  handle(@Param('id') id: string, @Body() dto: AddMemberDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'AddMember', data: { consortiumId: id, on: dto.on, member: toUnit(dto.member) } },
        meta,
      ),
    );
  }
}
