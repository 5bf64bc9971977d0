/** The layout of an auditor's package, shared by the API that writes it and the CLI that checks it offline. */
export const AUDIT_PACKAGE_FORMAT = 'vetted-audit-package/1';

export const PACKAGE_PATHS = {
  manifest: 'manifest.json',
  item: 'item.json',
  versions: 'versions.json',
  decisions: 'decisions.json',
  signatures: 'signatures.json',
  events: 'audit-events.json',
} as const;

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

/** Written last, once every other file's bytes have gone through the hash. */
export interface AuditPackageManifest {
  format: typeof AUDIT_PACKAGE_FORMAT;
  itemId: string;
  title: string;
  generatedAt: string;
  generatedBy: { id: string; name: string };
  files: ManifestEntry[];
}

/** One entry of versions.json: the version as recorded, and where its bytes are in the package. */
export interface PackagedVersion {
  id: string;
  number: number;
  filename: string;
  mimeType: string;
  size: number;
  /** The SHA-256 recorded at upload, the one every signature on the version names. */
  sha256: string;
  createdAt: string;
  createdBy: string;
  note: string | null;
  path: string;
  renditions: string[];
}

export function versionFolder(number: number): string {
  return `versions/${number}`;
}
