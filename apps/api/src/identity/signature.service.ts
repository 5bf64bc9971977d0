import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUser } from '@vetted/contracts';
import { DataSource, In, type EntityManager } from 'typeorm';
import { UnauthenticatedError } from '../common/domain-errors.js';
import { databaseNow } from '../infra/database/database-now.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { verifyPassword } from './password-hasher.js';
import { SignatureEntity } from './signature.entity.js';
import { UserEntity } from './user.entity.js';

export interface SignatureIntent {
  meaning: string;
  entity: string;
  entityId: string;
  contentSha256: string;
  /** When a delegate signs for an absent colleague: that colleague's user id. */
  onBehalfOf?: string | null;
}

/** A stored signature as evidence shows it. */
export interface SignatureRecord {
  id: string;
  signerId: string;
  signerName: string;
  signedAt: string;
  meaning: string;
  entity: string;
  entityId: string;
  contentSha256: string;
  onBehalfOf: string | null;
}

/** A checked identity, valid for the one request that re-entered the password. */
export interface VerifiedSigner {
  id: string;
  printedName: string;
}

/**
 * Electronic signatures (21 CFR 11.200(a)): the signer re-enters their password for each signing.
 * The check runs before the caller's transaction, so a wrong password records nothing and holds no lock.
 */
@Injectable()
export class SignatureService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly throttle: LoginThrottleService,
  ) {}

  async verifySigner(user: SessionUser, password: string, ip: string): Promise<VerifiedSigner> {
    const found: { row?: UserEntity | null } = {};
    const accepted = await this.throttle.guard(user.email, ip, 'signature', async () => {
      const candidate = (found.row = await this.dataSource.getRepository(UserEntity).findOne({ where: { id: user.id, active: true } }));
      return candidate !== null && (await verifyPassword(candidate.passwordHash, password));
    });
    const row = found.row;
    if (!accepted || !row) throw new UnauthenticatedError('Signature refused: the password is incorrect', undefined, 'signature_refused');
    return { id: row.id, printedName: row.name };
  }

  /** Every signature given on these entities (an item and its versions, say), oldest first: read-only, for evidence. */
  async signaturesOn(entity: string, entityIds: readonly string[]): Promise<SignatureRecord[]> {
    if (entityIds.length === 0) return [];
    const rows = await this.dataSource.getRepository(SignatureEntity).find({ where: { entity, entityId: In([...entityIds]) }, order: { signedAt: 'ASC', id: 'ASC' } });
    return rows.map((r) => ({ ...r, signedAt: r.signedAt.toISOString() }));
  }

  /** Records the signature inside the caller's transaction, timed by the database clock. */
  async sign(tx: EntityManager, signer: VerifiedSigner, intent: SignatureIntent): Promise<SignatureEntity> {
    const now = await databaseNow(tx);
    const repo = tx.getRepository(SignatureEntity);
    return repo.save(repo.create({ signerId: signer.id, signerName: signer.printedName, signedAt: now, ...intent, onBehalfOf: intent.onBehalfOf ?? null }));
  }
}
