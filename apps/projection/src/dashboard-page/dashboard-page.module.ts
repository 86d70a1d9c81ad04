import { Module } from '@nestjs/common';
import { DashboardPageHttpController } from './dashboard-page.http.controller';

/** The web page at `/`: the dashboard in Chinese, reading the query API with the token its user pastes. */
@Module({ controllers: [DashboardPageHttpController] })
export class DashboardPageModule {}
