import { Module } from '@nestjs/common';
import { PoliciesHttpController } from './policies.http.controller';

@Module({ controllers: [PoliciesHttpController] })
export class PoliciesQueryModule {}
