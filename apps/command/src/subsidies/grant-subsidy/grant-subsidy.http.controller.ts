import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { SubsidyAnswerDto } from '@ledger/presentation/subsidy.view.dto';
import { yuanToFen } from '@ledger/domain/shared/money';
import { CommandMeta, CommandMetadata, entityIdFor, Roles } from '@ledger/platform';
import { SubsidyCommandMessage } from '../subsidy-command.message';
import { GrantSubsidyDto } from './grant-subsidy.dto';

@ApiTags('subsidies')
@ApiBearerAuth()
@Controller('v1/subsidies')
export class GrantSubsidyHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('finance')
  @ApiOperation({
    summary: 'Grant a subsidy to the lead or a member of an active consortium, in a category of its policy.',
    description:
      'Every cap of the category and its policy is checked against the funding boundaries on the write side, atomically: ' +
      'N parallel grants against a cap accept exactly as many as fit. The answer and the SubsidyGranted event record each ' +
      'cap checked: `limit` (null where the policy sets no number), `usedBefore`, and `used`/`headroom` with this grant counted.',
  })
  @ApiCreatedResponse({
    type: SubsidyAnswerDto,
    description:
      '{ id, status: "granted", caps: [{ rule, citation, scope, limit, usedBefore, used, headroom, detail }], granted, …, decisions, position }',
  })
  @ApiUnprocessableEntityResponse({
    description:
      'cap-exceeded (limit, used, requested, headroom, rule, citation) · rule-violated · invalid-state · policy-not-in-force',
  })
  grant(@Body() dto: GrantSubsidyDto, @CommandMeta() meta: CommandMetadata) {
    const subsidyId = entityIdFor('subsidy', meta.commandId);
    return this.commandBus.execute(
      new SubsidyCommandMessage(
        {
          type: 'GrantSubsidy',
          data: {
            subsidyId,
            consortiumId: dto.consortiumId,
            recipient: dto.recipient,
            category: dto.category,
            amountFen: yuanToFen(dto.amount),
            fiscalYear: dto.fiscalYear,
            grantedOn: dto.grantedOn,
            ...(dto.projectId !== undefined && { projectId: dto.projectId }),
            ...(dto.projectTotalInvestment !== undefined && {
              projectTotalInvestmentFen: yuanToFen(dto.projectTotalInvestment),
            }),
            ...(dto.platformId !== undefined && { platformId: dto.platformId }),
            ...(dto.rdSpending !== undefined && { rdSpendingFen: yuanToFen(dto.rdSpending) }),
          },
        },
        meta,
      ),
    );
  }
}
