import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, entityIdFor, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { toUnit } from '../unit.dto';
import { FileConsortiumDto } from './file-consortium.dto';

@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class FileConsortiumHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Roles('officer')
  @ApiOperation({
    summary:
      'File a consortium under a policy. Answers the eligibility verdict of every rule; an ineligible filing is recorded (approval will refuse it), one that breaks nmg.one-per-lead or falls outside the policy period is refused.',
  })
  @ApiCreatedResponse({
    type: ConsortiumAnswerDto,
    description: '{ id, status: "filed", eligibility: [{ rule, ok, citation, detail }], position }',
  })
  file(@Body() dto: FileConsortiumDto, @CommandMeta() meta: CommandMetadata) {
    const consortiumId = entityIdFor('consortium', meta.commandId);
    return this.commandBus.execute(
      new ConsortiumCommandMessage(
        {
          type: 'FileConsortium',
          data: {
            consortiumId,
            policy: dto.policy,
            name: dto.name,
            filedOn: dto.filedOn,
            lead: toUnit(dto.lead),
            members: dto.members.map(toUnit),
            agreementSigned: dto.agreementSigned,
            integrityCommitment: dto.integrityCommitment,
            governance: dto.governance && { ...dto.governance },
            ...(dto.chain !== undefined && { chain: dto.chain }),
            ...(dto.waivers && {
              waivers: dto.waivers.map(({ rule, reason, reference }) => ({ rule, reason, reference })),
            }),
          },
        },
        meta,
      ),
    );
  }
}
