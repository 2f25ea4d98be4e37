// Measures the widget in headless Chromium: script load to launcher shown, and open to first
// token. Prints the median and spread of RUNS fresh page loads (default 15).
// With SALIENT_BENCH_BASE_URL (scripts/bench-widget.sh sets it) it runs against that real
// server (`salient serve` with the LLM stand-in answering instantly); without, against the
// development mock (MOCK_DELTA_DELAY_MS=0). Needs `npm run build` first.
process.env.MOCK_DELTA_DELAY_MS = '0';
process.env.MOCK_TURNS_PER_MINUTE = '100000';
const { chromium } = await import('playwright-core');

const RUNS = Number(process.env.RUNS ?? 15);
const target = process.env.SALIENT_BENCH_BASE_URL?.replace(/\/+$/, '');
let server = null;
if (!target) {
  const { startMockServer } = await import('../dev/mock-api.mjs');
  server = await startMockServer(0);
}
const base = target ?? `http://127.0.0.1:${server.address().port}`;
const against = target ? 'salient serve + instant LLM stand-in' : 'mock answering instantly';
const browser = await chromium.launch({
  executablePath: process.env.SALIENT_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});

const samples = { fetchToLauncher: [], executeToLauncher: [], openToPane: [], openToFirstToken: [], sendToFirstToken: [] };
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${base}/demo/northwind-heating/`);
  await page.locator('salient-chat button.launcher').waitFor();
  const load = await page.evaluate(() => {
    const script = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/widget.js'));
    const shown = performance.getEntriesByName('salient:launcher-shown')[0].startTime;
    const started = performance.getEntriesByName('salient:loader-start')[0].startTime;
    return { fetchToLauncher: shown - script.startTime, executeToLauncher: shown - started };
  });
  const chat = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const root = document.querySelector('salient-chat').shadowRoot;
        const opened = performance.now();
        root.querySelector('button.launcher').click();
        const waitForPane = () => {
          const pane = root.querySelector('#salient-pane');
          if (!pane || pane.hidden) return requestAnimationFrame(waitForPane);
          const paneShown = performance.now();
          root.querySelector('#salient-input').value = 'How much is a heat pump?';
          const sent = performance.now();
          root.querySelector('form').requestSubmit();
          const waitForToken = () => {
            const mark = performance.getEntriesByName('salient:first-token')[0];
            if (!mark) return setTimeout(waitForToken, 1);
            resolve({ openToPane: paneShown - opened, openToFirstToken: mark.startTime - opened, sendToFirstToken: mark.startTime - sent });
          };
          waitForToken();
        };
        waitForPane();
      }),
  );
  for (const [key, value] of Object.entries({ ...load, ...chat })) samples[key].push(value);
  await context.close();
}
await browser.close();
server?.close();

const median = (values) => {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const labels = {
  fetchToLauncher: 'widget.js request start → launcher shown',
  executeToLauncher: 'widget.js starts executing → launcher shown',
  openToPane: 'click → pane shown (first open: imports widget-app.js)',
  openToFirstToken: 'click → first token rendered (open, create session, stream)',
  sendToFirstToken: 'send → first token rendered',
};
console.log(`| measure (${RUNS} runs, ${against}) | median | min | max |\n|---|---|---|---|`);
for (const [key, values] of Object.entries(samples)) {
  console.log(`| ${labels[key]} | ${median(values).toFixed(1)} ms | ${Math.min(...values).toFixed(1)} ms | ${Math.max(...values).toFixed(1)} ms |`);
}
