import { BusinessDate } from '../shared/dates';
import { DomainCommand } from '../shared/event';
import { ZoneIndicators } from '../policies/zone-indicators';

export type ZoneGrade = 'excellent' | 'qualified' | 'unqualified';
export const ZONE_GRADES: ReadonlyArray<ZoneGrade> = ['excellent', 'qualified', 'unqualified'];

export type DesignateZone = DomainCommand<
  'DesignateZone',
  { zoneId: string; policy: string; name: string; approvedOn: BusinessDate }
>;

export type SubmitAnnualReport = DomainCommand<
  'SubmitAnnualReport',
  { zoneId: string; year: number; submittedOn: BusinessDate; indicators: ZoneIndicators }
>;

export type RecordZoneEvaluation = DomainCommand<
  'RecordZoneEvaluation',
  { zoneId: string; on: BusinessDate; grade: ZoneGrade }
>;

export type ZoneCommand = DesignateZone | SubmitAnnualReport | RecordZoneEvaluation;
