import 'reflect-metadata';
import { AuditService } from '../audit/audit.service.js';
import { loadConfig } from '../config/config.js';
import { openCliDatabase } from './cli-database.js';

/** `npm run audit:verify`: re-computes the whole audit hash chain; exit 0 when intact, 2 when broken. */
async function main(): Promise<void> {
  const { dataSource, close } = await openCliDatabase(loadConfig(process.env));
  try {
    const verdict = await new AuditService(dataSource).verifyChain();
    if (verdict.firstBrokenSeq === null) {
      console.log(`Audit trail intact: ${verdict.checked} events verified.`);
    } else {
      console.error(`Audit trail BROKEN at event #${verdict.firstBrokenSeq}: ${verdict.reason}. ${verdict.checked} events before it verified.`);
      process.exitCode = 2;
    }
  } finally {
    await close();
  }
}

main().catch((error: Error) => {
  console.error(`audit:verify failed: ${error.message}`);
  process.exit(1);
});
