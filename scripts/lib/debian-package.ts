import { execFileSync } from 'node:child_process';

/**
 * For the `pretest` checks of optional test tools (PostgreSQL, nginx): installs Debian's package
 * when it is missing and we are root; otherwise says which tests will be skipped and how to run
 * them. Never fails the test run: the tests that need the tool skip and say why.
 */
export function installOptionalDebianPackage(options: { installed: () => boolean; packages: string; name: string; forTests: string }): void {
  const { installed, packages, name, forTests } = options;
  if (installed()) return;
  const installCommand = `apt-get update && apt-get install -y --no-install-recommends ${packages}`;
  if (process.getuid?.() !== 0) {
    console.warn(`${name} is not installed: ${forTests} will be skipped. To run them:\n\n  sudo sh -c '${installCommand}'\n`);
    return;
  }
  console.log(`${name} not found; installing Debian's ${packages} for ${forTests}…`);
  try {
    execFileSync('sh', ['-c', installCommand], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch {
    console.warn(`Installing ${name} failed; ${forTests} will be skipped. To run them, as root:\n\n  ${installCommand}`);
  }
}
