# Writes the Samphire House site (pages.py) into a directory: one index.html per page with the
# shared header, navigation, cookie banner and footer a real small hotel's site has, a
# sitemap.xml with each page's lastmod, and robots.txt.
#   python3 build_site.py <out dir> <base url>
import os, sys, html
OUT = sys.argv[1]
BASE = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:8000"

NAV = [("/", "Home"), ("/rooms/", "Rooms and rates"), ("/restaurant/", "The Samphire Room"),
       ("/restaurant/menus/", "Menus"), ("/weddings/", "Weddings"),
       ("/private-dining/", "Private dining"), ("/getting-here/", "Getting here"),
       ("/local-area/", "Around Wrenmouth"), ("/faq/", "FAQ"), ("/contact/", "Contact")]

def page(path, title, body, lastmod, meta=""):
    nav = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in NAV)
    doc = f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title} | Samphire House, Wrenmouth</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Samphire House, a family-run hotel and restaurant above the harbour in Wrenmouth.">
{meta}
</head>
<body>
<div class="cookie-banner" role="dialog">We use one cookie to hold your booking while you choose a room. <button>Fine by me</button> <a href="/privacy/">Details</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/logo.svg" alt="Samphire House"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Book direct for our best rate: call 01632 960 518 or <a href="/rooms/">check availability</a>.</p>
</header>
<main>
{body}
</main>
<footer class="site-footer">
  <p>Samphire House (Wrenmouth) Ltd, 3 Quay Hill, Wrenmouth WM7 2QX. Registered in England, company number 04718263. VAT number GB 318 4427 90.</p>
  <ul><li><a href="/about/">Our story</a></li><li><a href="/team/">The team</a></li><li><a href="/policies/">Booking terms</a></li><li><a href="/gift-vouchers/">Gift vouchers</a></li><li><a href="/careers/">Work with us</a></li><li><a href="/privacy/">Privacy and cookies</a></li></ul>
  <p>&copy; 2026 Samphire House. Sign up at reception for our twice-yearly letter from the harbour.</p>
</footer>
</body>
</html>
"""
    d = os.path.join(OUT, path.strip("/"))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "index.html"), "w", encoding="utf-8") as f:
        f.write(doc)
    return (path, lastmod)

pages = []
exec(open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "pages.py"), encoding="utf-8").read())

with open(os.path.join(OUT, "sitemap.xml"), "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n')
    for path, lastmod in pages:
        f.write(f"  <url><loc>{BASE}{path}</loc><lastmod>{lastmod}</lastmod></url>\n")
    f.write("</urlset>\n")
with open(os.path.join(OUT, "robots.txt"), "w") as f:
    f.write("User-agent: *\nDisallow: /booking/\n")
