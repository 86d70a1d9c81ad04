import { Module } from '@nestjs/common';
import { CancelSubsidyHttpController } from './cancel-subsidy/cancel-subsidy.http.controller';
import { ClawBackSubsidyHttpController } from './claw-back-subsidy/claw-back-subsidy.http.controller';
import { ContinueSubsidyHttpController } from './continue-subsidy/continue-subsidy.http.controller';
import { DisburseSubsidyHttpController } from './disburse-subsidy/disburse-subsidy.http.controller';
import { GrantSubsidyHttpController } from './grant-subsidy/grant-subsidy.http.controller';
import { RecordRefundHttpController } from './record-refund/record-refund.http.controller';
import { SubsidyCommandHandler } from './subsidy-command.handler';
import { ApproveGrantHttpController } from './approve-grant/approve-grant.http.controller';
import { DeclineGrantHttpController } from './decline-grant/decline-grant.http.controller';
import { PendingGrantExpiry } from './expire-pending-grants/pending-grant-expiry';
import { TerminateSubsidyHttpController } from './terminate-subsidy/terminate-subsidy.http.controller';

@Module({
  controllers: [
    GrantSubsidyHttpController,
    DisburseSubsidyHttpController,
    CancelSubsidyHttpController,
    ClawBackSubsidyHttpController,
    RecordRefundHttpController,
    TerminateSubsidyHttpController,
    ContinueSubsidyHttpController,
    ApproveGrantHttpController,
    DeclineGrantHttpController,
  ],
  providers: [SubsidyCommandHandler, PendingGrantExpiry],
})
export class SubsidiesCommandModule {}
