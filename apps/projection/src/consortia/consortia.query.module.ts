import { Module } from '@nestjs/common';
import { ConsortiaHttpController } from './consortia.http.controller';

@Module({ controllers: [ConsortiaHttpController] })
export class ConsortiaQueryModule {}
