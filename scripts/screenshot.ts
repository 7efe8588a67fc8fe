// Takes phone (390×844) and desktop (1280×800) screenshots of pages of a running site.
// Usage: node scripts/screenshot.ts http://localhost:4321 / /san-pham/mit-say/ … (PNGs go to screenshots/)
import { mkdirSync } from 'node:fs';
import { launchChromium, VIEWPORTS } from '../test/support/browser.ts';

const [base = 'http://localhost:4321', ...paths] = process.argv.slice(2);
mkdirSync('screenshots', { recursive: true });
const browser = await launchChromium();
for (const [name, viewport] of Object.entries(VIEWPORTS)) {
  const page = await browser.newPage({ viewport });
  for (const path of paths.length ? paths : ['/']) {
    await page.goto(new URL(path, base).href, { waitUntil: 'networkidle' });
    const file = `screenshots/${name}${path.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '') || '-home'}.png`;
    await page.screenshot({ path: file, fullPage: process.env.FULL === '1' });
    console.log(file);
  }
  await page.close();
}
await browser.close();
