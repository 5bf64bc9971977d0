import yauzl from 'yauzl';

/** Every entry of a ZIP (a file path or its bytes), by name, as a reader of the package would see it. */
export async function zipEntries(source: string | Buffer): Promise<Map<string, Buffer>> {
  const zip = typeof source === 'string' ? await yauzl.openPromise(source, { lazyEntries: true }) : await yauzl.fromBufferPromise(source, { lazyEntries: true });
  const entries = new Map<string, Buffer>();
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
    entries.set(entry.fileName, Buffer.concat(chunks));
  }
  return entries;
}
