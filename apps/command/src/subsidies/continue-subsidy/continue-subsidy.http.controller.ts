import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SubsidyAnswerDto } from '@ledger/presentation/subsidy.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { SubsidyCommandMessage } from '../subsidy-command.message';
import { ContinueSubsidyDto } from './continue-subsidy.dto';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
export class ContinueSubsidyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/continuation')
  @Roles('finance')
  @ApiCreatedResponse({ type: SubsidyAnswerDto })
  @ApiOperation({
    summary: "Record the project authority's decision that a project goes on after its consortium ended.",
    description:
      'nmg.project-change (六(三)) under nmg-2024-consortium; ledger.project-change elsewhere. Until it is recorded, ' +
      'nothing paid on or after the day the consortium was dissolved, delisted or withdrawn is recorded (422); ' +
      'terminating the project is the other way out. 422 invalid-state when the consortium has not ended or the decision is already recorded.',
  })
  handle(@Param('id') id: string, @Body() dto: ContinueSubsidyDto, @CommandMeta() meta: CommandMetadata) {
    const { on, authority, reference } = dto;
    return this.commandBus.execute(
      new SubsidyCommandMessage({ type: 'ContinueSubsidy', data: { subsidyId: id, on, authority, reference } }, meta),
    );
  }
}
