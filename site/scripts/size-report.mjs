// Prints the widget's sizes as shipped (raw, gzip -9, brotli) from dist/. Run after the build.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const LOADER_BUDGET_GZIP = 10 * 1024;
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
if (rows[0].gzip > LOADER_BUDGET_GZIP) {
  console.error(`widget.js is ${rows[0].gzip} B gzipped, over the ${LOADER_BUDGET_GZIP} B budget`);
  process.exit(1);
}
