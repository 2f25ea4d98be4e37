// Builds the widget with esbuild into dist/ (after `astro build`, which empties dist/):
// widget.js, the small loader a host page includes, and widget-app.js, the chat it imports
// on first open. The loader names the app with a content hash so a new build busts caches.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const siteRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(siteRoot, process.argv[2] ?? 'dist');
const common = { bundle: true, minify: true, write: false, target: 'es2020', legalComments: 'none', logLevel: 'warning' };

const app = await build({
  ...common,
  entryPoints: [join(siteRoot, 'widget/src/app.ts')],
  format: 'esm',
});
const appCode = app.outputFiles[0].contents;
const appVersion = createHash('sha256').update(appCode).digest('hex').slice(0, 12);

const loader = await build({
  ...common,
  entryPoints: [join(siteRoot, 'widget/src/loader.ts')],
  format: 'iife',
  define: { __SALIENT_APP_FILE__: JSON.stringify(`widget-app.js?v=${appVersion}`) },
});

await mkdir(outDir, { recursive: true });
await writeFile(join(outDir, 'widget-app.js'), appCode);
await writeFile(join(outDir, 'widget.js'), loader.outputFiles[0].contents);
console.log(`widget: ${outDir}/widget.js (${loader.outputFiles[0].contents.length} B), widget-app.js (${appCode.length} B, v=${appVersion})`);
