import 'reflect-metadata';
import { checkAuditPackage } from '../audit-package/audit-package.check.js';
import { readAuditPackage } from '../audit-package/audit-package.reader.js';
import { AuditService } from '../audit/audit.service.js';
import { loadConfig } from '../config/config.js';
import { openCliDatabase } from './cli-database.js';

/**
 * `npm run audit:verify`: re-computes the whole audit hash chain; exit 0 when intact, 2 when broken.
 * `npm run audit:verify -- --package file.zip`: checks an auditor's package offline (no database),
 * naming every altered file or event; same exit codes.
 */
async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--package');
  if (at >= 0) return verifyPackage(argv[at + 1]);
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

async function verifyPackage(file: string | undefined): Promise<void> {
  if (!file) throw new Error('--package needs the path of a ZIP file');
  const verdict = checkAuditPackage(await readAuditPackage(file));
  if (verdict.intact) {
    console.log(`Audit package intact: ${verdict.checkedFiles} files and ${verdict.checkedEvents} events verified.`);
    return;
  }
  console.error(`Audit package ALTERED (${verdict.problems.length} problem${verdict.problems.length === 1 ? '' : 's'}):`);
  for (const problem of verdict.problems) console.error(`- ${problem}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((error: Error) => {
  console.error(`audit:verify failed: ${error.message}`);
  process.exit(1);
});
