// The npm registry reachable from this workplace lacks the non-Linux builds of packages such as
// @biomejs/cli-* and @rollup/rollup-*, so `npm install` leaves them out of package-lock.json and
// `npm ci` then refuses the lock file. This adds lock entries for those optional platform packages
// (with their os/cpu), which `npm ci` skips on Linux. Run after `npm install`.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
const guess = (name) => {
  const os =
    [
      'android',
      'darwin',
      'freebsd',
      'linux',
      'openbsd',
      'openharmony',
      'sunos',
      'win32',
      'aix',
      'netbsd',
      'cygwin',
    ].find((o) => name.includes(o)) ?? 'unknown';
  const cpu =
    [
      'arm64',
      'x64',
      'ia32',
      'arm',
      'loong64',
      'mips64el',
      'ppc64',
      'riscv64',
      's390x',
      'wasm32',
    ].find((c) => name.includes(`-${c}`)) ?? 'unknown';
  const libc = name.includes('musl') ? ['musl'] : name.includes('gnu') ? ['glibc'] : undefined;
  return { os: [os === 'win32' ? 'win32' : os], cpu: [cpu], ...(libc ? { libc } : {}) };
};
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${dep}`;
    if (packages[key] || packages[`${path}/node_modules/${dep}`]) continue;
    packages[key] = {
      version: spec.replace(/^[\^~=]/, ''),
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...guess(dep),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} optional platform entries`);
