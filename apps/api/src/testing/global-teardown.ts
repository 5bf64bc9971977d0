export default async function globalTeardown(): Promise<void> {
  const infra = (globalThis as Record<string, unknown>).__vettedTestInfra as { stop(): Promise<void> } | undefined;
  await infra?.stop();
}
