/// <reference lib="dom" />
// `npm run preview:browser -- [--headless] [--connect] [--invoices N]`: Budgetly without Electron, for machines
// where Electron's runtime cannot be downloaded. The same built renderer, the real IPC contract and core (plain
// Node, its data in a fresh temp folder) and a local demo org, in a visible Chromium window: the e2e harness,
// headed. `--connect` signs in to the demo org at once; `--headless` runs without a window (the smoke test).
import { parseArgs } from 'node:util';
import { connectDemo, launchChromium, PlaywrightLoginAgent, startHarness, startOrg, visibleCount, waitForSynced } from '../tests/index';

const { values } = parseArgs({
  options: {
    headless: { type: 'boolean' },
    connect: { type: 'boolean' },
    invoices: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  strict: true,
});

if (values.help) {
  console.log(`usage: npm run preview:browser -- [--connect] [--invoices 5000] [--headless]
Budgetly in a Chromium window without Electron: the built app (run \`npm run build\` first), its core, and a local
demo org (user demo@budgetly.test, password budgetly). Close the window or press Ctrl+C to stop.`);
  process.exit(0);
}

async function main(): Promise<void> {
  const invoices = values.invoices === undefined ? 5000 : Number.parseInt(values.invoices, 10);
  const org = await startOrg({ invoices, multiCurrency: true });
  const browser = await launchChromium({ headed: !values.headless, ownSignals: true });
  let agent: PlaywrightLoginAgent | undefined;
  const harness = await startHarness({
    browser,
    demo: { label: 'Demo org', loginUrl: org.url, clientId: 'budgetly-demo' },
    extraLoginOrigins: [org.url],
    loginAgent: () => (agent = new PlaywrightLoginAgent(browser)),
  });
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await harness.close().catch(() => undefined);
      await agent?.dispose().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await org.stop().catch(() => undefined);
      console.log('Budgetly preview stopped.');
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void stop().then(() => process.exit(0)));
  harness.page.once('close', () => void stop().then(() => process.exit(0)));
  // Background syncs, as the app runs them.
  void harness.testCore.core.start();
  console.log(`Budgetly preview: the app in Chromium with a demo org at ${org.url} (user demo@budgetly.test, password budgetly). Close the window or press Ctrl+C to stop.`);
  if (values.connect) {
    await connectDemo(harness.page, agent!);
    const shown = await waitForSynced(harness.page, undefined, 300_000);
    console.log(`Workspace ready: ${shown} invoices (${await visibleCount(harness.page)} shown).`);
  }
}

main().catch((error: unknown) => {
  console.error(`Budgetly preview could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
