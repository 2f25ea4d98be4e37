// Runs the e2e tests with node's test runner against SALIENT_E2E_BASE_URL (the real server).
// With --mock it first starts the development mock (dev/mock-api.mjs) on a free port and points
// the tests at it: a development aid only, never the project's real e2e run. Other arguments
// pick test files by part of their name (`run.mjs turnstile security`); none runs them all.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const env = { ...process.env };
let mock = null;
if (process.argv.includes('--mock')) {
  // The mock writes every email (codes included) here, as the server's outbox does.
  env.SALIENT_E2E_OUTBOX_DIR = process.env.MOCK_OUTBOX_DIR = mkdtempSync(join(tmpdir(), 'salient-mock-outbox-'));
  const { startMockServer } = await import('../../dev/mock-api.mjs');
  mock = await startMockServer(0);
  env.SALIENT_E2E_BASE_URL = `http://127.0.0.1:${mock.address().port}`;
  console.log(`using the development mock at ${env.SALIENT_E2E_BASE_URL}`);
}
if (!env.SALIENT_E2E_BASE_URL) {
  console.error('SALIENT_E2E_BASE_URL is not set (e.g. http://127.0.0.1:3000); or run `npm run test:e2e:mock`.');
  process.exit(2);
}
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const files = readdirSync(here)
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .map((name) => join(here, name));
if (files.length === 0) {
  console.error(`no test file matches ${only.join(', ')}`);
  process.exit(2);
}
const child = spawn(process.execPath, ['--test', '--test-concurrency=1', ...files], { env, stdio: 'inherit' });
child.on('exit', (code) => {
  mock?.close();
  process.exit(code ?? 1);
});
