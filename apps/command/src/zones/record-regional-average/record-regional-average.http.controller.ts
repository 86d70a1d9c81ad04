import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RegionalAverageAnswerDto } from '@ledger/presentation/zone.view.dto';
import { INDICATOR_SCALES } from '@ledger/domain/policies/zone-indicators';
import { decimalToScaled } from '@ledger/domain/shared/scaled-decimal';
import { CommandMeta, CommandMetadata, Roles } from '@ledger/platform';
import { RegionalAverageAnswer } from '../regional-average-answer';
import { RegionalAverageCommandMessage } from '../regional-average-command.message';
import { RecordRegionalAverageDto } from './record-regional-average.dto';

@ApiTags('zones')
@ApiBearerAuth()
@Controller('v1/zones')
export class RecordRegionalAverageHttpController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('regional-averages')
  @Roles('admin')
  @ApiOperation({
    summary: "Record the region's average R&D intensity for a year (zone.rd-intensity 四(三)). Role admin.",
    description:
      "Zones' annual reports for that year recorded afterwards judge the park's R&D spending / park GDP against it " +
      '(strictly above). Reports recorded before keep their finding ("not assessed" when there was no average). ' +
      'Recording a year again revises it for later reports (`replaced`: the value before).',
  })
  @ApiCreatedResponse({
    type: RegionalAverageAnswerDto,
    description:
      '`{ year, rdIntensity: "0.0093", source?, replaced?, decisions: [{ type, rule, citation }], position }`',
  })
  record(@Body() dto: RecordRegionalAverageDto, @CommandMeta() meta: CommandMetadata): Promise<RegionalAverageAnswer> {
    const rdIntensityMillionths = decimalToScaled(String(dto.rdIntensity), INDICATOR_SCALES.rdIntensity);
    return this.commandBus.execute(
      new RegionalAverageCommandMessage(
        {
          type: 'RecordRegionalAverage',
          data: { year: dto.year, rdIntensityMillionths, ...(dto.source !== undefined && { source: dto.source }) },
        },
        meta,
      ),
    );
  }
}
