# Shared by the held-out sites' build_site.py: writes one index.html per page of the site's
# pages.py, inside the site's own boilerplate (what comes before <main>: cookie banner,
# header with the navigation; and after it: the footer), a sitemap.xml with each page's
# lastmod, and robots.txt.
#   python3 <site>/build_site.py <out dir> [base url]
import os
import sys


def document(nav, site_title, description, top, bottom, title, body, meta):
    """One page's HTML: `top` may hold `{nav}`, the navigation's list items."""
    items = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in nav)
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title} | {site_title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{description}">
{meta}
</head>
<body>
{top.replace("{nav}", items)}<main>
{body}
</main>
{bottom}</body>
</html>
"""


def build(build_site_file, nav, site_title, description, top, bottom, disallow):
    """Builds the site whose build_site.py is `build_site_file` (see `document`);
    robots.txt disallows the path `disallow`."""
    out = sys.argv[1]
    base = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8000"

    def page(path, title, body, lastmod, meta=""):
        folder = os.path.join(out, path.strip("/"))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as f:
            f.write(document(nav, site_title, description, top, bottom, title, body, meta))
        return (path, lastmod)

    pages = []
    source = os.path.join(os.path.dirname(os.path.abspath(build_site_file)), "pages.py")
    with open(source, encoding="utf-8") as f:
        exec(f.read(), {"page": page, "pages": pages})
    with open(os.path.join(out, "sitemap.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
        for path, lastmod in pages:
            f.write(f"  <url><loc>{base}{path}</loc><lastmod>{lastmod}</lastmod></url>\n")
        f.write("</urlset>\n")
    with open(os.path.join(out, "robots.txt"), "w") as f:
        f.write(f"User-agent: *\nDisallow: {disallow}\n")
