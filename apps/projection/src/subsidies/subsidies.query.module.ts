import { Module } from '@nestjs/common';
import { FoldedStreamsModule } from '../replay/folded-streams.module';
import { FundingHttpController } from '../funding/funding.http.controller';
import { ReconciliationHttpController } from '../reconciliation/reconciliation.http.controller';
import { SubsidiesHttpController } from './subsidies.http.controller';

/** The subsidy ledger's queries: subsidies, a recipient's funding and caps, the reconciliation. */
@Module({
  imports: [FoldedStreamsModule],
  controllers: [SubsidiesHttpController, FundingHttpController, ReconciliationHttpController],
})
export class SubsidiesQueryModule {}
