// Runs before `npm test`: browser tests drive Debian's Chromium through playwright-core, because
// Playwright cannot download its own browsers here. Installs it when missing and we are root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const installCommand = 'apt-get update && apt-get install -y chromium';

if (existsSync(chromium)) {
  process.exit(0);
}
if (process.getuid?.() !== 0) {
  console.error(`Chromium is missing at ${chromium}. Install it as root:\n\n  sudo sh -c '${installCommand}'\n\nor set CHROMIUM_PATH to an existing Chromium.`);
  process.exit(1);
}
console.log(`Chromium not found at ${chromium}; installing Debian's chromium…`);
try {
  execFileSync('sh', ['-c', installCommand], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch {
  console.error(`Installing Chromium failed. Run this as root and try again:\n\n  ${installCommand}`);
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(`apt-get finished but ${chromium} is still missing.`);
  process.exit(1);
}
