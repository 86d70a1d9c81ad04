import { Module } from '@nestjs/common';
import { DesignateZoneHttpController } from './designate-zone/designate-zone.http.controller';
import { RecordZoneEvaluationHttpController } from './record-zone-evaluation/record-zone-evaluation.http.controller';
import { SubmitAnnualReportHttpController } from './submit-annual-report/submit-annual-report.http.controller';
import { ZoneCommandHandler } from './zone-command.handler';

/** Demonstration zones (nmg-2022-zone): designation, annual reports, evaluations. */
@Module({
  controllers: [DesignateZoneHttpController, SubmitAnnualReportHttpController, RecordZoneEvaluationHttpController],
  providers: [ZoneCommandHandler],
})
export class ZonesCommandModule {}
