import { Module } from '@nestjs/common';
import { DashboardHttpController } from './dashboard.http.controller';

@Module({ controllers: [DashboardHttpController] })
export class DashboardQueryModule {}
