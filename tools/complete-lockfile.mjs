// Adds lockfile entries for platform-specific optional packages (darwin, win32, …) that the npm
// registry mirror here does not serve. Without them `npm ci` refuses the lockfile ("Missing: … from
// lock file") although those packages are never installed on Linux. Run after every `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const PLATFORM = [
  [/darwin/, 'darwin'],
  [/win32/, 'win32'],
  [/freebsd/, 'freebsd'],
  [/openbsd/, 'openbsd'],
  [/netbsd/, 'netbsd'],
  [/sunos/, 'sunos'],
  [/aix/, 'aix'],
  [/android/, 'android'],
  [/openharmony/, 'openharmony'],
  [/wasm32/, 'wasm32'],
  [/linux/, 'linux'],
];
const CPU = [
  [/arm64|aarch64/, 'arm64'],
  [/x64|x86_64|amd64/, 'x64'],
  [/ia32|x86(?!_)/, 'ia32'],
  [/arm(?!64)/, 'arm'],
  [/ppc64/, 'ppc64'],
  [/s390x/, 's390x'],
  [/riscv64/, 'riscv64'],
  [/loong64/, 'loong64'],
  [/mips64el/, 'mips64el'],
];
const LIBC = [
  [/musl/, 'musl'],
  [/gnu/, 'glibc'],
];

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ''}node_modules/${name}`;
    if (packages[nested] || packages[`node_modules/${name}`]) continue;
    const tail = name.split('/').pop();
    const match = (table) => table.find(([re]) => re.test(tail))?.[1];
    const os = match(PLATFORM);
    const cpu = match(CPU);
    if (!os) continue; // not a platform package: leave it to npm
    const libc = os === 'linux' ? match(LIBC) : undefined;
    packages[`node_modules/${name}`] = {
      version: String(version).replace(/^[\^~=]/, ''),
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      ...(cpu ? { cpu: [cpu] } : {}),
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);
