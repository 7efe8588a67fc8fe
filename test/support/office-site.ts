import { execFile, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, VIEWPORTS } from './browser.ts';
import { ROOT, startBuiltServer, type RunningServer } from './server.ts';
import { startSmtpTestServer, type SmtpTestServer } from './smtp-test-server.ts';

/**
 * A server with the office workspace on a content repository of its own: the real content copied
 * into a temporary git repository, an order store, releases and a publish folder of its own, so
 * tests edit, commit and publish without touching content/ or data/.
 */
export interface OfficeSite {
  server: RunningServer;
  url: string;
  contentDir: string;
  env: Record<string, string>;
  /** `npm run office -- …` against this site's store; answers what it printed. */
  office(...args: string[]): Promise<string>;
  /** Invites an account and answers its one-time sign-in link, as the command prints it. */
  invite(email: string, scope: string[]): Promise<string>;
  /** Signs in through the link and answers the session cookie (`name=value`). */
  signIn(link: string): Promise<string>;
  git(...args: string[]): string;
  stop(): Promise<void>;
}

/**
 * A content folder in a git repository of its own, copied from `source` (content/ by default), with
 * the settings a server and the office command need to edit, publish and keep accounts inside `work`.
 */
export function contentRepository(work: string, source = path.join(ROOT, 'content')) {
  const contentDir = path.join(work, 'content');
  cpSync(source, contentDir, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: contentDir, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('-c', 'user.name=Developer', '-c', 'user.email=dev@example.invalid', 'commit', '-qm', 'Content as the developers left it');
  const env: Record<string, string> = {
    OCOP_CONTENT_DIR: contentDir,
    OCOP_RELEASES_DIR: path.join(work, 'releases'),
    OCOP_PUBLISH_WORK_DIR: path.join(work, 'publish'),
    ORDERS_DB_PATH: path.join(work, 'orders.sqlite'),
  };
  return { contentDir, env, git };
}

export async function startOfficeSite(extraEnv: Record<string, string> = {}): Promise<OfficeSite> {
  const work = mkdtempSync(path.join(tmpdir(), 'ocop-office-'));
  const { contentDir, git, env: settings } = contentRepository(work);
  const env = { ...settings, ...extraEnv };
  const server = await startBuiltServer(env);
  env.SITE_URL = server.url;
  const office = async (...args: string[]) =>
    (await promisify(execFile)(process.execPath, [path.join(ROOT, 'scripts/office.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env } })).stdout;
  return {
    server,
    url: server.url,
    contentDir,
    env,
    office,
    async invite(email, scope) {
      const printed = await office('invite', email, ...scope);
      const link = /https?:\/\/\S+token=\S+/.exec(printed)?.[0];
      if (!link) throw new Error(`no sign-in link in:\n${printed}`);
      return link;
    },
    async signIn(link) {
      const token = new URL(link).searchParams.get('token') ?? '';
      const response = await fetch(`${server.url}/quan-ly/api/sign-in`, {
        method: 'POST',
        headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, next: '/quan-ly/' }),
        redirect: 'manual',
      });
      const cookie = response.headers.getSetCookie().find((line) => line.startsWith('ocop_office='));
      if (!cookie) throw new Error(`sign-in failed: ${response.status} ${response.headers.get('location')}`);
      return cookie.split(';')[0];
    },
    git,
    async stop() {
      await server.stop();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

export interface OfficeSiteOnPhone {
  smtp: SmtpTestServer;
  site: OfficeSite;
  browser: Browser;
  /** A page at the phone viewport (390×844). */
  page: Page;
  stop(): Promise<void>;
}

/** An office site whose mail goes to a local SMTP server, with Chromium and a page the size of a phone. */
export async function startOfficeSiteOnPhone(): Promise<OfficeSiteOnPhone> {
  const smtp = await startSmtpTestServer();
  const site = await startOfficeSite({ SMTP_URL: smtp.url, MAIL_FROM: 'OCOP <no-reply@ocop.test>' });
  const browser = await launchChromium();
  const page = await (await browser.newContext({ viewport: VIEWPORTS.phone })).newPage();
  return {
    smtp,
    site,
    browser,
    page,
    async stop() {
      await browser.close();
      await site.stop();
      await smtp.stop();
    },
  };
}
