// Runs before `npm test`: the order store's tests also run against PostgreSQL, started from
// Debian's `postgresql` package in a throwaway cluster. Installs it when missing and we are root;
// otherwise those tests skip and say why (SQLite, the default store, is always tested).
import { execFileSync } from 'node:child_process';
import { postgresBinDir } from '../test/support/postgres.ts';

const installCommand = 'apt-get update && apt-get install -y postgresql';

if (postgresBinDir()) process.exit(0);
if (process.getuid?.() !== 0) {
  console.warn(`PostgreSQL is not installed: the order store's PostgreSQL tests will be skipped. To run them:\n\n  sudo sh -c '${installCommand}'\n`);
  process.exit(0);
}
console.log("PostgreSQL not found; installing Debian's postgresql for the order store's tests…");
try {
  execFileSync('sh', ['-c', installCommand], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch {
  console.warn(`Installing PostgreSQL failed; its tests will be skipped. To run them, as root:\n\n  ${installCommand}`);
}
