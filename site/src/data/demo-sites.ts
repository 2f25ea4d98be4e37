/**
 * The fictional businesses whose sites demonstrate the widget. Each page listed here is
 * linked from the site's navigation and listed in its sitemap; `lastmod` is when we last
 * changed that page's content.
 */
export interface DemoPage {
  /** Path below /demo/<account>/, '' for the home page, always ending in '/' otherwise. */
  path: string;
  navLabel: string;
  lastmod: string;
}

export interface DemoSite {
  account: string;
  name: string;
  tagline: string;
  /** The agent the site's widget talks to, and any other agents the account has. */
  agent: string;
  agents: { agent: string; purpose: string }[];
  pages: DemoPage[];
  widget: Record<string, string>;
  address: string;
  phone: string;
  email: string;
}

export const DEMO_SITES: DemoSite[] = [
  {
    account: 'northwind-heating',
    name: 'Northwind Heating',
    tagline: 'Heat pumps, boilers and installation across the North East since 1998',
    agent: 'sales',
    agents: [
      { agent: 'sales', purpose: 'products, prices, quotes and surveys' },
      { agent: 'support', purpose: 'servicing, error codes, warranties and breakdowns' },
    ],
    pages: [
      { path: '', navLabel: 'Home', lastmod: '2026-11-18' },
      { path: 'heat-pumps/', navLabel: 'Heat pumps', lastmod: '2026-11-12' },
      { path: 'boilers/', navLabel: 'Boilers', lastmod: '2026-10-30' },
      { path: 'installation/', navLabel: 'Installation', lastmod: '2026-11-03' },
      { path: 'faq/', navLabel: 'FAQ', lastmod: '2026-11-15' },
      { path: 'contact/', navLabel: 'Contact', lastmod: '2026-11-01' },
      { path: 'news/boiler-service-price/', navLabel: 'News', lastmod: '2026-11-25' },
    ],
    widget: { 'data-title': 'Northwind Heating', 'data-color-accent': '#0b5d3b' },
    address: 'Unit 4, Tyne Valley Trade Park, Hexham NE46 3PU',
    phone: '01434 600 218',
    email: 'hello@northwind-heating.example',
  },
  {
    account: 'harbor-books',
    name: 'Harbor Books',
    tagline: 'An independent bookshop with a cafe upstairs, on the quay since 2011',
    agent: 'info',
    agents: [{ agent: 'info', purpose: 'books, orders, events, the cafe and opening hours' }],
    pages: [
      { path: '', navLabel: 'Home', lastmod: '2026-11-19' },
      { path: 'books/', navLabel: 'Books', lastmod: '2026-11-17' },
      { path: 'cafe/', navLabel: 'Cafe', lastmod: '2026-11-10' },
      { path: 'events/', navLabel: 'Events', lastmod: '2026-11-20' },
      { path: 'visit/', navLabel: 'Visit us', lastmod: '2026-11-05' },
    ],
    widget: { 'data-position': 'left', 'data-color-accent': '#7c2d12' },
    address: '14 Quay Street, Portwell PW1 4QS',
    phone: '01632 960 414',
    email: 'shop@harbor-books.example',
  },
];

export function demoSite(account: string): DemoSite {
  const site = DEMO_SITES.find((candidate) => candidate.account === account);
  if (!site) throw new Error(`no demo site for account ${account}`);
  return site;
}
