// Static build of Salient's site. The sitemaps need absolute URLs, so the origin the site is
// served from is a build setting: SALIENT_SITE_ORIGIN (the local server's by default).
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SALIENT_SITE_ORIGIN ?? 'http://127.0.0.1:3000',
  output: 'static',
  build: { format: 'directory' },
  trailingSlash: 'ignore',
  devToolbar: { enabled: false },
});
