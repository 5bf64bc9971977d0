import { Client } from 'minio';
import { bucketClient } from '../../testing/bucket.js';
import { createTestApp, type TestApp } from '../../testing/test-app.js';

/** The embedded S3 server must refuse anything not signed with its own key pair (issue 11, finding 5). */
describe('embedded S3 server: signed requests only', () => {
  let t: TestApp;
  let signed: Client;
  let bucket: string;
  let endpoint: string;
  const key = 'items/probe/approved.pdf';
  const original = Buffer.from('%PDF-1.7 the approved bytes');

  beforeAll(async () => {
    t = await createTestApp();
    signed = bucketClient(t);
    bucket = t.config.s3.bucket;
    endpoint = t.config.s3.endpoint;
    await signed.putObject(bucket, key, original, original.length);
  });
  afterAll(() => t?.close());

  async function stored(): Promise<Buffer> {
    return Buffer.concat(await (await signed.getObject(bucket, key)).toArray());
  }

  it('refuses anonymous listing, reads, writes and deletes with 403, and keeps the object as it was', async () => {
    const attempts: Array<[string, string, string?]> = [
      ['GET', `/${bucket}`],
      ['GET', `/${bucket}?list-type=2`],
      ['GET', '/'],
      ['GET', `/${bucket}/${key}`],
      ['HEAD', `/${bucket}/${key}`],
      ['PUT', `/${bucket}/${key}`, 'overwritten by a stranger'],
      ['DELETE', `/${bucket}/${key}`],
      ['POST', `/${bucket}?delete`, `<Delete><Object><Key>${key}</Key></Object></Delete>`],
    ];
    for (const [method, path, body] of attempts) {
      const res = await fetch(`${endpoint}${path}`, { method, body });
      const text = await res.text();
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
      expect(text).not.toContain(key);
    }
    expect(await stored()).toEqual(original);
  });

  it('refuses requests signed with a wrong secret, with s3rver’s well-known key, or by Signature V2', async () => {
    const url = new URL(endpoint);
    const wrongSecret = new Client({ endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: t.config.s3.accessKey, secretKey: 'not-the-secret', pathStyle: true, region: 'us-east-1' });
    const wellKnown = new Client({ endPoint: url.hostname, port: Number(url.port), useSSL: false, accessKey: 'S3RVER', secretKey: 'S3RVER', pathStyle: true, region: 'us-east-1' });
    for (const client of [wrongSecret, wellKnown]) {
      await expect(client.putObject(bucket, key, Buffer.from('forged'), 6)).rejects.toMatchObject({ code: expect.stringMatching(/SignatureDoesNotMatch|InvalidAccessKeyId/) });
      const presigned = await client.presignedGetObject(bucket, key, 60);
      expect((await fetch(presigned)).status).toBe(403);
    }
    const v2 = await fetch(`${endpoint}/${bucket}/${key}?AWSAccessKeyId=${t.config.s3.accessKey}&Expires=9999999999&Signature=abc`);
    expect(v2.status).toBe(403);
    expect(await stored()).toEqual(original);
  });

  it('serves a valid presigned GET, but not once expired or pointed at another key', async () => {
    const valid = await signed.presignedGetObject(bucket, key, 60);
    const ok = await fetch(valid);
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer())).toEqual(original);
    const expired = await signed.presignedGetObject(bucket, key, 60, {}, new Date(Date.now() - 3600_000));
    expect((await fetch(expired)).status).toBe(403);
    const retargeted = valid.replace('approved.pdf', 'other.pdf');
    expect((await fetch(retargeted)).status).toBe(403);
  });

  it('checks a browser POST upload against its signed policy: key, size, signature and expiry', async () => {
    const policyFor = async (objectKey: string, opts: { max?: number; expires?: Date } = {}) => {
      const policy = signed.newPostPolicy();
      policy.setBucket(bucket);
      policy.setKey(objectKey);
      policy.setContentLengthRange(1, opts.max ?? 100);
      policy.setExpires(opts.expires ?? new Date(Date.now() + 60_000));
      return signed.presignedPostPolicy(policy);
    };
    const send = async (url: string, fields: Record<string, string>, data: string) => {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('file', new Blob([data]), 'x.pdf');
      return (await fetch(url, { method: 'POST', body: form })).status;
    };
    const good = await policyFor('items/probe/new.pdf');
    // No policy at all, or a policy for another key used to overwrite the approved file.
    expect(await send(good.postURL, { key }, 'anonymous overwrite')).toBe(403);
    expect(await send(good.postURL, { ...good.formData, key }, 'retargeted overwrite')).toBe(403);
    // A signature that is not ours, a file above the signed size range, an expired policy.
    expect(await send(good.postURL, { ...good.formData, 'x-amz-signature': '0'.repeat(64) }, 'forged')).toBe(403);
    expect(await send(good.postURL, good.formData, 'x'.repeat(101))).toBe(403);
    const old = await policyFor('items/probe/old.pdf', { expires: new Date(Date.now() - 1000) });
    expect(await send(old.postURL, old.formData, 'late')).toBe(403);
    expect(await stored()).toEqual(original);
    // The policy as signed, within its range, goes through.
    expect(await send(good.postURL, good.formData, 'x'.repeat(100))).toBe(204);
    expect((await signed.statObject(bucket, 'items/probe/new.pdf')).size).toBe(100);
  });
});
