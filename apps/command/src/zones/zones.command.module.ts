import { Module } from '@nestjs/common';
import { DesignateZoneHttpController } from './designate-zone/designate-zone.http.controller';
import { RecordZoneEvaluationHttpController } from './record-zone-evaluation/record-zone-evaluation.http.controller';
import { SubmitAnnualReportHttpController } from './submit-annual-report/submit-annual-report.http.controller';
import { ZoneCommandHandler } from './zone-command.handler';
import { RecordRegionalAverageHttpController } from './record-regional-average/record-regional-average.http.controller';
import { RegionalAverageCommandHandler } from './regional-average-command.handler';

/** Demonstration zones (nmg-2022-zone): designation, annual reports, evaluations, and the region's yearly averages. */
@Module({
  controllers: [
    DesignateZoneHttpController,
    SubmitAnnualReportHttpController,
    RecordZoneEvaluationHttpController,
    RecordRegionalAverageHttpController,
  ],
  providers: [ZoneCommandHandler, RegionalAverageCommandHandler],
})
export class ZonesCommandModule {}
