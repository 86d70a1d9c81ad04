import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { ZoneAnswer } from '../zone-answer';
import { ZoneCommandMessage } from '../zone-command.message';
import { SubmitAnnualReportDto, toZoneIndicators } from './submit-annual-report.dto';

@ApiTags('zones')
@ApiBearerAuth()
@Controller('v1/zones')
export class SubmitAnnualReportHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/annual-reports')
  @Roles('officer')
  @ApiOperation({
    summary: "Submit a zone's annual report (附件2 indicators); each indicator is judged against its threshold.",
    description:
      'Failing indicators are findings, not refusals: the report is recorded and the evaluators grade the zone. A report ' +
      'after 31 December of its year is recorded with `late: true` (zone.annual-report-due 六(四)); a second report for ' +
      "a year corrects the first (`corrected: true`, timeliness stays the first one's).",
  })
  @ApiCreatedResponse({
    description:
      '`{ id, status, year, due, late, corrected, passed, findings: [{ indicator, rule, citation, ok, threshold, value, unit, detail }], decisions, position }`; ' +
      'money in yuan ("50000000.00"), decimals as strings ("1.50", shares as fractions "0.30")',
  })
  submit(
    @Param('id') id: string,
    @Body() dto: SubmitAnnualReportDto,
    @CommandMeta() meta: CommandMetadata,
  ): Promise<ZoneAnswer> {
    const { year, submittedOn } = dto;
    return this.commandBus.execute(
      new ZoneCommandMessage(
        {
          type: 'SubmitAnnualReport',
          data: { zoneId: id, year, submittedOn, indicators: toZoneIndicators(dto.indicators) },
        },
        meta,
      ),
    );
  }
}
