// /demo/<account>/sitemap.xml: the pages the ingestion crawler should index for that account.
import type { APIRoute, GetStaticPaths } from 'astro';
import { DEMO_SITES, demoSite } from '../../../data/demo-sites';

export const getStaticPaths: GetStaticPaths = () => DEMO_SITES.map((site) => ({ params: { account: site.account } }));

export const GET: APIRoute = ({ params, site: origin }) => {
  const site = demoSite(String(params.account));
  const entries = site.pages
    .map((page) => {
      const loc = new URL(`/demo/${site.account}/${page.path}`, origin).href;
      return `  <url>\n    <loc>${loc}</loc>\n    <lastmod>${page.lastmod}</lastmod>\n  </url>`;
    })
    .join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
