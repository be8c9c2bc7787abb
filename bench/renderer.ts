/**
 * The renderer's time to interactive in Chromium with 10,000 numbers.
 *
 * The built renderer (out/renderer, `npm run build:renderer`) is served from
 * this process and opened in Debian's Chromium with the flags of the e2e
 * suite, wired to a real core exactly as the e2e harness does
 * (harness/app-host.ts) on a data folder holding a connected account with
 * 10,000 numbers synced from the fake Twilio and the setup guide finished.
 * Each round opens a new browser context (nothing cached), navigates, waits
 * for the first screen to be ready, clicks Phone Numbers in the sidebar as a
 * person would, and waits until the list says "Showing 10,000 of 10,000
 * numbers" with a first row on screen whose Check button can be clicked.
 *
 * Floor, in the same run: a minimal page built by Vite the same way and
 * served by the same server, with the same landmarks — a ready marker, a
 * Phone Numbers button in a Main navigation, and a status line plus one row
 * shown on click — measured by the very same steps, so Playwright's own
 * share (the click's actionability checks, the protocol round trips) is in
 * both. Times are the page's own clock (`performance.now()`, zero at
 * navigation start), read in the first animation frame where each condition
 * holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import type { IpcSender } from '../electron/main/ipc/registrar';
import { createTestCipher } from '../test/support/test-cipher';
import type { Envelope } from '../shared/ipc/contract';
import playwrightConfig from '../playwright.config';
import { AppHost } from '../test/support/app-host';
import type { ExternalFake } from './fake';
import { median, type Comparison } from './measure';
import { serveFolder, type StaticServer } from './static-server';
import type { PopulatedFolder } from './startup';

const ROUNDS = 5;
const RENDERER_DIR = path.resolve('out', 'renderer');

/** What the page records, in its own clock. */
interface Marks {
  readyAt: number | null;
  interactiveAt: number | null;
  /** The page's `numbers:list` call, from the call to the reply's arrival (app only). */
  listMs: number | null;
}

interface BenchWindow {
  __benchMarks: Marks;
}

/**
 * Installed before any page script runs. Checks once per animation frame,
 * so a time is that of the frame in which the condition first holds,
 * whatever Playwright is doing meanwhile; and, in the app, times the
 * `numbers:list` call where the bridge hands it to the binding. Plain
 * JavaScript source rather than a function: tsx compiles this file with
 * esbuild's keepNames, which wraps inner functions in a `__name` helper
 * that does not exist in the page.
 */
const watchForInteractive = (expectedStatus: string) => `(() => {
  const expected = ${JSON.stringify(expectedStatus)};
  const marks = { readyAt: null, interactiveAt: null, listMs: null };
  Object.defineProperty(window, '__benchMarks', { value: marks });
  // The e2e bridge sends every call through this binding (installed by an earlier init script); timing it
  // here tells how much of the wait is the list's round trip.
  const transport = window.__gleamIpc;
  if (typeof transport === 'function') {
    window.__gleamIpc = (channel, input) => {
      const started = performance.now();
      return transport(channel, input).then((reply) => {
        if (channel === 'numbers:list' && marks.listMs === null) marks.listMs = performance.now() - started;
        return reply;
      });
    };
  }
  const onScreen = (element) => {
    if (!element) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight;
  };
  const check = () => {
    const now = performance.now();
    if (marks.readyAt === null && onScreen(document.querySelector('.app[data-ready="true"]'))) marks.readyAt = now;
    const row = document.querySelector('[data-testid="number-row"]');
    const button = row ? row.querySelector('button') : null;
    const counted = Array.from(document.querySelectorAll('[role="status"]')).some((status) =>
      status.textContent.includes(expected),
    );
    if (counted && onScreen(row) && button && !button.disabled && onScreen(button)) marks.interactiveAt = now;
    if (marks.interactiveAt === null) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();
`;

const FLOOR_HTML = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <title>Floor</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="./main.js"></script>
  </body>
</html>
`;

/** The floor page's script: no framework, the landmarks the measurement looks for and nothing else. */
const FLOOR_SCRIPT = `const app = document.createElement('div');
app.className = 'app';
app.dataset.ready = 'true';
const nav = document.createElement('nav');
nav.setAttribute('aria-label', 'Main');
const open = document.createElement('button');
open.type = 'button';
open.textContent = 'Phone Numbers';
nav.append(open);
const main = document.createElement('main');
open.addEventListener('click', () => {
  main.innerHTML =
    '<p role="status">Showing 1 of 1 number</p>' +
    '<div data-testid="number-row">+1 555 0100 <button type="button">Check</button></div>';
});
app.append(nav, main);
document.getElementById('root').append(app);
`;

/** Builds the floor page with Vite, as the renderer is built (same target, module script, relative base). */
async function buildFloorPage(folder: string): Promise<string> {
  const source = path.join(folder, 'src');
  const out = path.join(folder, 'out');
  fs.mkdirSync(source, { recursive: true });
  fs.writeFileSync(path.join(source, 'index.html'), FLOOR_HTML);
  fs.writeFileSync(path.join(source, 'main.js'), FLOOR_SCRIPT);
  await build({
    configFile: false,
    root: source,
    base: './',
    logLevel: 'silent',
    build: { outDir: out, emptyOutDir: true, target: 'chrome130' },
  });
  return out;
}

/** The e2e harness's host, unchanged but for timing how long the core takes to answer each call. */
class TimedAppHost extends AppHost {
  private readonly answeredMs = new Map<string, number>();

  override async invoke(sender: IpcSender, channel: string, input: unknown): Promise<Envelope<unknown>> {
    const started = performance.now();
    try {
      return await super.invoke(sender, channel, input);
    } finally {
      this.answeredMs.set(channel, performance.now() - started);
    }
  }

  /** How long the last call on `channel` took main, from the binding's call to its reply. */
  lastAnswerMs(channel: string): number {
    const ms = this.answeredMs.get(channel);
    if (ms === undefined) throw new Error(`no ${channel} call was answered`);
    return ms;
  }
}

interface Target {
  server: StaticServer;
  expectedStatus: string;
  host: TimedAppHost | null;
}

interface Round {
  marks: Marks;
  /** Where the list's wait went (app only): its call as the page and as the core saw it, and its size. */
  list: { pageMs: number; coreMs: number; bytes: number } | null;
}

/** One round on a new context: navigation start → first screen ready → Phone Numbers list interactive. */
async function openNumbers(browser: Browser, target: Target): Promise<Round> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (target.host) await target.host.attach(page);
    await page.addInitScript({ content: watchForInteractive(target.expectedStatus) });
    await page.goto(`${target.server.origin}/`, { waitUntil: 'commit' });
    await page.locator('.app[data-ready="true"]').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Phone Numbers' }).click();
    await page.waitForFunction(() => (window as unknown as BenchWindow).__benchMarks.interactiveAt !== null, null, {
      timeout: 60_000,
    });
    const marks = await page.evaluate(() => ({ ...(window as unknown as BenchWindow).__benchMarks }));
    if (!target.host || marks.listMs === null) return { marks, list: null };
    // Measured after the round, so that serializing 10,000 numbers again is not inside it.
    const reply = target.host.ipcLog.findLast((exchange) => exchange.channel === 'numbers:list')?.reply;
    return {
      marks,
      list: {
        pageMs: marks.listMs,
        coreMs: target.host.lastAnswerMs('numbers:list'),
        bytes: Buffer.byteLength(JSON.stringify(reply)),
      },
    };
  } finally {
    await context.close();
  }
}

const elapsed = (rounds: Round[], key: keyof Marks) =>
  rounds.map(({ marks }) => {
    const value = marks[key];
    if (value === null) throw new Error(`the page recorded no ${key}`);
    return value;
  });

export async function benchRendererStart(fake: ExternalFake, populated: PopulatedFolder): Promise<Comparison[]> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build:renderer` first (`npm run bench` does)');
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gleam-bench-floor-'));
  const cleanups: (() => Promise<unknown>)[] = [];
  try {
    const floorServer = await serveFolder(await buildFloorPage(scratch));
    cleanups.push(() => floorServer.close());
    const appServer = await serveFolder(RENDERER_DIR);
    cleanups.push(() => appServer.close());

    const host = new TimedAppHost({
      dataDir: populated.dataDir,
      cipher: createTestCipher(populated.cipherKey),
      twilioHosts: fake.hosts,
      trustedOrigin: appServer.origin,
    });
    // As the app starts: the background refresh (a re-sync of the numbers) runs at once; wait for it so
    // that it does not fall inside a round.
    await host.start().refreshFromTwilio();
    cleanups.push(() => {
      host.stop();
      return Promise.resolve();
    });

    const browser = await chromium.launch(playwrightConfig.use?.launchOptions ?? {});
    cleanups.push(() => browser.close());

    const count = populated.numbers.toLocaleString('en-US');
    const app: Target = { server: appServer, expectedStatus: `Showing ${count} of ${count} numbers`, host };
    const floor: Target = { server: floorServer, expectedStatus: 'Showing 1 of 1 number', host: null };
    // One untimed round each (Chromium's first context, the core's first statements), then turns.
    await openNumbers(browser, app);
    await openNumbers(browser, floor);
    const appRounds: Round[] = [];
    const floorRounds: Round[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      appRounds.push(await openNumbers(browser, app));
      floorRounds.push(await openNumbers(browser, floor));
    }
    const lists = appRounds.flatMap((round) => (round.list ? [round.list] : []));
    const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
    const listNote =
      lists.length === ROUNDS
        ? `of which numbers:list, call to reply in the page through the e2e bridge (medians): ` +
          `${ms(lists.map((list) => list.pageMs))}, the core answering ${ms(lists.map((list) => list.coreMs))}; ` +
          `the reply is ${(median(lists.map((list) => list.bytes)) / 1_000_000).toFixed(1)} MB as JSON`
        : 'the e2e bridge could not be timed in the page: no split of numbers:list';
    // Navigation, the first screen, the click and React rendering the list: the renderer's own share.
    const rest = appRounds.flatMap(({ marks }) =>
      marks.interactiveAt !== null && marks.listMs !== null ? [marks.interactiveAt - marks.listMs] : [],
    );

    const name = `Renderer in Chromium, ${count} numbers stored, new context each round, ${ROUNDS} rounds`;
    const baseline = 'minimal Vite page, same landmarks, same steps';
    return [
      {
        name: `${name} — navigation start to the first screen ready`,
        subject: 'app: .app[data-ready] on screen (Settings)',
        baseline,
        subjectMs: elapsed(appRounds, 'readyAt'),
        baselineMs: elapsed(floorRounds, 'readyAt'),
        goal: null,
      },
      {
        name: `${name} — navigation start to Phone Numbers interactive`,
        subject: `app: click Phone Numbers → "Showing ${count}…", a row`,
        baseline,
        subjectMs: elapsed(appRounds, 'interactiveAt'),
        baselineMs: elapsed(floorRounds, 'interactiveAt'),
        goal: null,
        notes:
          rest.length === ROUNDS
            ? [listNote, `the rest (navigation, first screen, click, rendering the list): ${ms(rest)}`]
            : [listNote],
      },
    ];
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
