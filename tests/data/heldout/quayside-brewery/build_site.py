# Writes the Quayside Brewery site (pages.py) into a directory: one index.html per page with the
# shared header, navigation, cookie banner and footer a real small brewery's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/beers/", "Our beers"), ("/taproom/", "Taproom"),
       ("/kitchen/", "The Galley kitchen"), ("/tours/", "Brewery tours"),
       ("/bottle-shop/", "Bottle shop"), ("/events/", "What's on"),
       ("/private-hire/", "Private hire"), ("/opening-hours/", "Opening times"),
       ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'Quayside Brewery, Saltcote'
DESCRIPTION = 'Quayside Brewery, an independent brewery with a taproom, brewery tours and a bottle shop in the old Customs Warehouse on Ropewalk Quay, Saltcote.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to remember what is in your basket. <button>OK</button> <a href="/privacy/">Find out more</a></div>
<div class="age-notice">You must be 18 or over to buy alcohol from this website. We operate Challenge 25.</div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/quayside-logo.svg" alt="Quayside Brewery"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Brewed on the quay in Saltcote since 2016. Questions? Ring the brewery on 01632 960 583.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Quayside Brewing Company Ltd, The Customs Warehouse, Ropewalk Quay, Saltcote SC4 7QW. Registered in England, company number 09874312. VAT number GB 318 4472 91. Premises licence held with Saltcote District Council.</p>
  <ul><li><a href="/team/">Meet the team</a></li><li><a href="/beer-club/">Beer Club</a></li><li><a href="/trade/">Trade and wholesale</a></li><li><a href="/careers/">Jobs</a></li><li><a href="/news/lantern-winter-ale/">News</a></li><li><a href="/privacy/">Privacy</a></li></ul>
  <p>&copy; 2026 Quayside Brewery. Members of the Society of Independent Brewers. Please drink responsibly.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/checkout/")
