declare module '@20minutes/s3rver' {
  import type { IncomingMessage, ServerResponse } from 'node:http';
  interface S3rverOptions {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: Array<string | Buffer> }[];
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number; family: string }>;
    close(): Promise<void>;
    /** Set by run(). */
    httpServer?: import('node:http').Server;
    /** Koa's request listener; s3rver's own HTTP server is built on what this returns. */
    callback(): (req: IncomingMessage, res: ServerResponse) => void;
  }
}

declare module '@20minutes/s3rver/lib/models/account.js' {
  interface AWSAccount {
    createKeyPair(accessKeyId: string, secretAccessKey: string): void;
    revokeAccessKey(accessKeyId: string): void;
  }
  /** The one account s3rver knows; its key pairs are what s3rver verifies signatures against. */
  const account: { DUMMY_ACCOUNT: AWSAccount };
  export default account;
}
