import { Module } from '@nestjs/common';
import { FundingHttpController } from '../funding/funding.http.controller';
import { ReconciliationHttpController } from '../reconciliation/reconciliation.http.controller';
import { SubsidiesHttpController } from './subsidies.http.controller';

/** The subsidy ledger's queries: subsidies, a recipient's funding and caps, the reconciliation. */
@Module({ controllers: [SubsidiesHttpController, FundingHttpController, ReconciliationHttpController] })
export class SubsidiesQueryModule {}
