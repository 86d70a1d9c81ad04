import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ZoneAnswerDto } from '@ledger/presentation/zone.view.dto';
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
      "a year corrects the first (`corrected: true`, timeliness stays the first one's). Optional `rdSpending` and " +
      "`parkGdp` (yuan, together) are judged against the region's average for the year (zone.rd-intensity 四(三), " +
      'POST /v1/zones/regional-averages), `techContractCount` and the turnover against the report for the year before ' +
      '(zone.growth 四(二)); with nothing to compare with, the finding is `assessed: false` ("not assessed", the ' +
      'detail says why) and `passed` leaves it out. Each is judged on what the ledger holds when the report is recorded.',
  })
  @ApiCreatedResponse({
    type: ZoneAnswerDto,
    description:
      '`{ id, status, year, due, late, corrected, passed, findings: [{ indicator, rule, citation, ok, assessed?, threshold, value, unit, comparison?, detail }], decisions, position }`; ' +
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
