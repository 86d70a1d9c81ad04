import { Module } from '@nestjs/common';
import { ReconciliationsHttpController } from './reconciliations.http.controller';

/** Statement matching: runs of payment statements against the disbursements, and their resolved differences. */
@Module({ controllers: [ReconciliationsHttpController] })
export class ReconciliationsQueryModule {}
