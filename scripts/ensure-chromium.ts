// Runs before `npm test`: browser tests drive Debian's Chromium through playwright-core, because
// Playwright cannot download its own browsers here, and the printed-card test renders a PDF to PNG
// with pdftoppm (poppler-utils). Installs what is missing when we are root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const needed = [
  { file: chromium, pkg: 'chromium' },
  { file: '/usr/bin/pdftoppm', pkg: 'poppler-utils' },
].filter(({ file }) => !existsSync(file));

if (needed.length === 0) {
  process.exit(0);
}
const packages = needed.map(({ pkg }) => pkg).join(' ');
const installCommand = `apt-get update && apt-get install -y ${packages}`;
const missing = needed.map(({ file }) => file).join(', ');
if (process.getuid?.() !== 0) {
  console.error(`Missing ${missing}. Install as root:\n\n  sudo sh -c '${installCommand}'\n\nor set CHROMIUM_PATH to an existing Chromium.`);
  process.exit(1);
}
console.log(`Missing ${missing}; installing Debian's ${packages}…`);
try {
  execFileSync('sh', ['-c', installCommand], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
} catch {
  console.error(`Installing failed. Run this as root and try again:\n\n  ${installCommand}`);
  process.exit(1);
}
const stillMissing = needed.filter(({ file }) => !existsSync(file));
if (stillMissing.length) {
  console.error(`apt-get finished but ${stillMissing.map(({ file }) => file).join(', ')} is still missing.`);
  process.exit(1);
}
