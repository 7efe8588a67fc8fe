// Runs before `npm test`, after the Chromium check: the HTML validity test runs the W3C Nu checker
// (npm vnu-jar) on Debian's Java. Installs the headless JRE when it is missing and we are root.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const java = process.env.JAVA_PATH ?? '/usr/bin/java';
const installCommand = 'apt-get update && apt-get install -y default-jre-headless';

if (!existsSync(java)) {
  if (process.getuid?.() !== 0) {
    console.error(`Java is missing at ${java} (the Nu HTML checker needs it). Install it as root:\n\n  sudo sh -c '${installCommand}'\n\nor set JAVA_PATH.`);
    process.exit(1);
  }
  console.log(`Java not found at ${java}; installing Debian's default-jre-headless…`);
  execFileSync('sh', ['-c', installCommand], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(java)) {
    console.error(`apt-get finished but ${java} is still missing.`);
    process.exit(1);
  }
}
