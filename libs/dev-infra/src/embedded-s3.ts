// s3rver ships no types; the reference makes them visible to projects that compile this source.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./s3rver.d.ts" />
import S3rver from '@20minutes/s3rver';
import s3rverAccount from '@20minutes/s3rver/lib/models/account.js';
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { signatureGate, type GateCredentials } from './s3-signature-gate.js';

export interface EmbeddedS3Handle {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  stop(): Promise<void>;
}

// s3rver's built-in key pair (S3RVER / S3RVER) is public knowledge: it must never sign anything here.
const WELL_KNOWN_ACCESS_KEY = 'S3RVER';

/** s3rver behind the signature gate: every request it serves went through signatureGate first. */
class SignedOnlyS3rver extends S3rver {
  constructor(
    options: ConstructorParameters<typeof S3rver>[0],
    private readonly credentials: GateCredentials,
  ) {
    super(options);
  }

  override callback() {
    return signatureGate(super.callback(), this.credentials);
  }
}

/**
 * Starts an S3-compatible server (s3rver) on 127.0.0.1 with its objects kept under `dataDir`. It refuses
 * any request not signed (AWS Signature V4, header, presigned URL or POST policy) with a key pair made
 * fresh for this start, so another local process can neither read drafts nor overwrite approved files.
 */
export async function startEmbeddedS3(opts: { dataDir: string; port: number; buckets: string[] }): Promise<EmbeddedS3Handle> {
  const directory = path.resolve(opts.dataDir);
  await fs.mkdir(directory, { recursive: true });
  const credentials = { accessKey: `VETTED${randomBytes(8).toString('hex').toUpperCase()}`, secretKey: randomBytes(30).toString('base64url') };
  const { DUMMY_ACCOUNT } = s3rverAccount;
  DUMMY_ACCOUNT.revokeAccessKey(WELL_KNOWN_ACCESS_KEY);
  DUMMY_ACCOUNT.createKeyPair(credentials.accessKey, credentials.secretKey);
  const server = new SignedOnlyS3rver(
    { address: '127.0.0.1', port: opts.port, directory, silent: true, configureBuckets: opts.buckets.map((name) => ({ name })) },
    credentials,
  );
  const address = await server.run();
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    ...credentials,
    stop: async () => {
      // Clients keep connections alive; close() alone would wait for each to time out.
      const closing = server.close();
      server.httpServer?.closeAllConnections();
      await closing;
      DUMMY_ACCOUNT.revokeAccessKey(credentials.accessKey);
    },
  };
}
