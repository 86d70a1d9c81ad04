import { Controller, Delete, Param, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { RemoveMemberParams, RemoveMemberQuery } from './remove-member.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class RemoveMemberHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':id/members/:creditCode')
  @Roles('officer')
  @ApiOkResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({ summary: 'Remove a member unit (?on=date); eligibility is assessed again.' })
  handle(@Param() params: RemoveMemberParams, @Query() query: RemoveMemberQuery, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        { type: 'RemoveMember', data: { consortiumId: params.id, creditCode: params.creditCode, on: query.on } },
        meta,
      ),
    );
  }
}
