import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ConsortiumAnswerDto } from '@ledger/presentation/consortium.view.dto';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ConsortiumCommandMessage } from '../consortium-command.message';
import { RecordAnnualReportDto } from './record-annual-report.dto';

/** Not in API.md v1: the yearly summary and plan tianjin.annual-report (第十七条) asks of a filed alliance. */
@ApiTags('consortia')
@ApiBearerAuth()
@Controller('v1/consortia')
export class RecordAnnualReportHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/annual-reports')
  @Roles('officer')
  @ApiCreatedResponse({ type: ConsortiumAnswerDto })
  @ApiOperation({
    summary:
      "Record an alliance's annual summary and next year's plan (tianjin.annual-report, 第十七条); a late one is recorded with the check failed.",
  })
  handle(@Param('id') id: string, @Body() dto: RecordAnnualReportDto, @CommandMeta() meta: CommandMetadata) {
    return this.commandBus.execute(
      new ConsortiumCommandMessage({ type: 'RecordAnnualReport', data: { consortiumId: id, ...dto } }, meta),
    );
  }
}
