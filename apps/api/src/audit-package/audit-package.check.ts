import { auditHash } from '../audit/audit-hash.js';
import { AUDIT_PACKAGE_FORMAT, PACKAGE_PATHS, type AuditPackageManifest, type PackagedVersion } from './audit-package.format.js';

/** What the reader measured of each file in the ZIP, and the JSON files it parsed. */
export interface ReadPackage {
  files: Map<string, { sha256: string; size: number }>;
  json: Map<string, unknown>;
  /** Entries that could not be read at all (a damaged deflate stream, say). */
  unreadable: Map<string, string>;
}

export interface PackageVerdict {
  intact: boolean;
  checkedFiles: number;
  checkedEvents: number;
  /** One line per problem, each naming the file or event at fault. */
  problems: string[];
}

interface PackagedEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

interface PackagedSignature {
  id: string;
  meaning: string;
  entity: string;
  entityId: string;
  contentSha256: string;
}

/**
 * Checks a package with nothing but its own bytes: every file against the manifest, every audit
 * event against its own hash (and its link where the next event of the chain is also in the
 * package), every version's bytes against the SHA-256 recorded for it, and every signature on a
 * version against that version's SHA-256.
 */
export function checkAuditPackage(pkg: ReadPackage): PackageVerdict {
  const problems: string[] = [];
  for (const [path, reason] of pkg.unreadable) problems.push(`file ${path} is damaged: ${reason}`);
  const manifest = pkg.json.get(PACKAGE_PATHS.manifest) as AuditPackageManifest | undefined;
  if (!manifest || manifest.format !== AUDIT_PACKAGE_FORMAT || !Array.isArray(manifest.files)) {
    return { intact: false, checkedFiles: 0, checkedEvents: 0, problems: [...problems, `${PACKAGE_PATHS.manifest} is missing or is not a ${AUDIT_PACKAGE_FORMAT} manifest`] };
  }
  const listed = new Set<string>();
  for (const entry of manifest.files) {
    listed.add(entry.path);
    const actual = pkg.files.get(entry.path);
    if (!actual) {
      if (!pkg.unreadable.has(entry.path)) problems.push(`file ${entry.path} is missing`);
    } else if (actual.sha256 !== entry.sha256 || actual.size !== entry.size) {
      problems.push(`file ${entry.path} was altered: its SHA-256 is ${actual.sha256} (${actual.size} bytes), the manifest says ${entry.sha256} (${entry.size} bytes)`);
    }
  }
  for (const path of pkg.files.keys()) {
    if (path !== PACKAGE_PATHS.manifest && !listed.has(path)) problems.push(`file ${path} is not listed in the manifest`);
  }
  const events = asArray<PackagedEvent>(pkg.json.get(PACKAGE_PATHS.events));
  problems.push(...eventProblems(events));
  const versions = asArray<PackagedVersion>(pkg.json.get(PACKAGE_PATHS.versions));
  problems.push(...versionProblems(versions, pkg));
  problems.push(...signatureProblems(asArray<PackagedSignature>(pkg.json.get(PACKAGE_PATHS.signatures)), versions));
  return { intact: problems.length === 0, checkedFiles: manifest.files.length, checkedEvents: events.length, problems };
}

function eventProblems(events: PackagedEvent[]): string[] {
  const problems: string[] = [];
  events.forEach((e, i) => {
    const recomputed = auditHash(e.prevHash, {
      seq: e.seq,
      at: new Date(e.at),
      actorId: e.actorId,
      actorName: e.actorName,
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      before: e.before ?? null,
      after: e.after ?? null,
    });
    if (recomputed !== e.hash) problems.push(`event #${e.seq} (${e.action}) was altered: its content does not match its hash`);
    const next = events[i + 1];
    if (next && next.seq === e.seq + 1 && next.prevHash !== e.hash) problems.push(`event #${next.seq} (${next.action}) does not link to event #${e.seq}`);
  });
  return problems;
}

function versionProblems(versions: PackagedVersion[], pkg: ReadPackage): string[] {
  return versions.flatMap((v) => {
    const file = pkg.files.get(v.path);
    if (!file || file.sha256 === v.sha256) return [];
    return [`file ${v.path} (version ${v.number}) hashes to ${file.sha256}, but version ${v.number} was recorded and signed as ${v.sha256}`];
  });
}

function signatureProblems(signatures: PackagedSignature[], versions: PackagedVersion[]): string[] {
  const byId = new Map(versions.map((v) => [v.id, v]));
  return signatures.flatMap((s) => {
    const version = s.entity === 'content_version' ? byId.get(s.entityId) : undefined;
    if (!version || version.sha256 === s.contentSha256) return [];
    return [`signature ${s.id} (${s.meaning}) signed SHA-256 ${s.contentSha256}, not version ${version.number}'s ${version.sha256}`];
  });
}

function asArray<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}
