import { WaiveRuleHttpController } from './waive-rule/waive-rule.http.controller';
import { Module } from '@nestjs/common';
import { AddMemberHttpController } from './add-member/add-member.http.controller';
import { ApproveConsortiumHttpController } from './approve-consortium/approve-consortium.http.controller';
import { ChangeLeadHttpController } from './change-lead/change-lead.http.controller';
import { RecordAnnualReportHttpController } from './record-annual-report/record-annual-report.http.controller';
import { ConsortiumCommandHandler } from './consortium-command.handler';
import { DissolveConsortiumHttpController } from './dissolve-consortium/dissolve-consortium.http.controller';
import { FileConsortiumHttpController } from './file-consortium/file-consortium.http.controller';
import { RecordEvaluationHttpController } from './record-evaluation/record-evaluation.http.controller';
import { RecordObjectionHttpController } from './record-objection/record-objection.http.controller';
import { RecordReviewHttpController } from './record-review/record-review.http.controller';
import { RejectConsortiumHttpController } from './reject-consortium/reject-consortium.http.controller';
import { RemoveMemberHttpController } from './remove-member/remove-member.http.controller';
import { RenameConsortiumHttpController } from './rename-consortium/rename-consortium.http.controller';
import { ResolveObjectionHttpController } from './resolve-objection/resolve-objection.http.controller';
import { StartPublicNoticeHttpController } from './start-public-notice/start-public-notice.http.controller';
import { WithdrawConsortiumHttpController } from './withdraw-consortium/withdraw-consortium.http.controller';

@Module({
  controllers: [
    FileConsortiumHttpController,
    RecordReviewHttpController,
    StartPublicNoticeHttpController,
    RecordObjectionHttpController,
    ResolveObjectionHttpController,
    ApproveConsortiumHttpController,
    RejectConsortiumHttpController,
    WithdrawConsortiumHttpController,
    AddMemberHttpController,
    RemoveMemberHttpController,
    ChangeLeadHttpController,
    RenameConsortiumHttpController,
    RecordEvaluationHttpController,
    RecordAnnualReportHttpController,
    DissolveConsortiumHttpController,
    WaiveRuleHttpController,
  ],
  providers: [ConsortiumCommandHandler],
})
export class ConsortiaCommandModule {}
