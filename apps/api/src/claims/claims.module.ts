// Claims owns the claims library: claims, their references (documents in S3) and their signed
// approval by medical and regulatory. Content asks it for claim facts; review registers what
// happens to items when a claim is withdrawn or expires.
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClaimDecisionEntity } from './claim-decision.entity.js';
import { ClaimReferenceEntity } from './claim-reference.entity.js';
import { ClaimEntity } from './claim.entity.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsService } from './claims.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimEntity, ClaimReferenceEntity, ClaimDecisionEntity])],
  controllers: [ClaimsController],
  providers: [ClaimsService],
  exports: [ClaimsService],
})
export class ClaimsModule {}
