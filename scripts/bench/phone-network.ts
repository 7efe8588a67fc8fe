// A phone as Lighthouse's mobile run emulates it, for benchmarks that time pages as visitors feel
// them: 390×844, Fast-3G-like network (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up) and a
// CPU four times slower, through the DevTools protocol. Also counts the bytes the page fetched.
import type { Browser, Page, Request } from 'playwright-core';
import { VIEWPORTS } from '../../test/support/browser.ts';

export const PHONE_THROTTLING = { latencyMs: 150, downloadKbit: 1600, uploadKbit: 750, cpuSlowdown: 4 } as const;
export const PHONE_THROTTLING_LABEL = `${VIEWPORTS.phone.width}×${VIEWPORTS.phone.height}, ${PHONE_THROTTLING.latencyMs} ms round trip, ${PHONE_THROTTLING.downloadKbit / 1000} Mbit/s down, ${PHONE_THROTTLING.uploadKbit} kbit/s up, CPU ${PHONE_THROTTLING.cpuSlowdown}× slower (DevTools emulation, as Lighthouse's mobile run)`;

export interface Fetched {
  url: string;
  /** Milliseconds since the page's time origin when the request started. */
  startedAt: number;
  /** Bytes as sent: the (compressed) body and the response headers. */
  bytes: number;
}

export interface ThrottledPage {
  page: Page;
  /** Every request that finished so far, in the order they finished. */
  fetched(): Promise<Fetched[]>;
  close(): Promise<void>;
}

/** A fresh phone (empty cache) with throttled network and CPU; `block` makes matching requests fail. */
export async function openThrottledPhone(browser: Browser, options: { javaScript?: boolean; block?: RegExp } = {}): Promise<ThrottledPage> {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, javaScriptEnabled: options.javaScript ?? true });
  if (options.block) await context.route(options.block, (route) => route.abort('connectionfailed'));
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PHONE_THROTTLING.latencyMs,
    downloadThroughput: (PHONE_THROTTLING.downloadKbit * 1000) / 8,
    uploadThroughput: (PHONE_THROTTLING.uploadKbit * 1000) / 8,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE_THROTTLING.cpuSlowdown });
  const finished: Array<Promise<Fetched>> = [];
  const record = (request: Request) =>
    finished.push(
      request.sizes().then((sizes) => ({
        url: request.url(),
        // Playwright's startTime is wall-clock milliseconds; the page's times count from its origin.
        startedAt: request.timing().startTime,
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      })),
    );
  page.on('requestfinished', record);
  return {
    page,
    async fetched() {
      const origin = await page.evaluate(() => performance.timeOrigin);
      return (await Promise.all(finished)).map((one) => ({ ...one, startedAt: one.startedAt - origin }));
    },
    close: () => context.close(),
  };
}

export const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(0)} kB`;
export const sumBytes = (requests: readonly Fetched[]) => requests.reduce((sum, request) => sum + request.bytes, 0);
