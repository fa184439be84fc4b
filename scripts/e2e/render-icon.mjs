// Renders scripts/e2e/icon.svg to images/icon.png (128x128, transparent corners) with
// Debian's chromium through playwright-core. Run once when the SVG changes; the PNG is
// committed. Usage: node scripts/e2e/render-icon.mjs
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const svg = readFileSync(`${root}scripts/e2e/icon.svg`, 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: `${root}images/icon.png`, omitBackground: true });
  console.log('wrote images/icon.png');
} finally {
  await browser.close();
}
