// Prints the widget's sizes as shipped (raw, gzip -9, brotli) from dist/ and exits non-zero when
// a budget is exceeded: the loader under 10 KiB gzipped, loader + app under 25 KiB. Run after
// the build.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const LOADER_BUDGET_GZIP = 10 * 1024;
const TOTAL_BUDGET_GZIP = 25 * 1024;
const rows = [];
for (const name of ['widget.js', 'widget-app.js']) {
  const bytes = await readFile(join(dist, name));
  rows.push({
    file: name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  });
}
const total = { file: 'total (loader + app)', raw: 0, gzip: 0, brotli: 0 };
for (const row of rows) for (const key of ['raw', 'gzip', 'brotli']) total[key] += row[key];
rows.push(total);
const kb = (n) => `${(n / 1024).toFixed(2)} KiB (${n} B)`;
console.log('| file | raw | gzip -9 | brotli 11 |\n|---|---|---|---|');
for (const row of rows) console.log(`| ${row.file} | ${kb(row.raw)} | ${kb(row.gzip)} | ${kb(row.brotli)} |`);
const over = [];
if (rows[0].gzip > LOADER_BUDGET_GZIP) over.push(`widget.js is ${rows[0].gzip} B gzipped, over the ${LOADER_BUDGET_GZIP} B budget`);
if (total.gzip > TOTAL_BUDGET_GZIP) over.push(`loader + app are ${total.gzip} B gzipped, over the ${TOTAL_BUDGET_GZIP} B budget`);
for (const line of over) console.error(line);
if (over.length) process.exit(1);
console.log(`within budget: loader ${rows[0].gzip} / ${LOADER_BUDGET_GZIP} B, loader + app ${total.gzip} / ${TOTAL_BUDGET_GZIP} B gzipped`);
