import { Module } from '@nestjs/common';
import { ZonesHttpController } from './zones.http.controller';

@Module({ controllers: [ZonesHttpController] })
export class ZonesQueryModule {}
