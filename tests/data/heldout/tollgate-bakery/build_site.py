# Writes the Tollgate Bakery site (pages.py) into a directory: one index.html per page with the
# shared header, navigation, cookie banner and footer a real craft bakery's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/bread/", "Bread"), ("/pastries/", "Pastries and cakes"),
       ("/celebration-cakes/", "Celebration cakes"), ("/cafe/", "The Tollroom caf&eacute;"),
       ("/bread-club/", "Bread Club"), ("/wholesale/", "Wholesale"), ("/classes/", "Baking classes"),
       ("/market/", "Market stall"), ("/opening-hours/", "Opening times"),
       ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'Tollgate Bakery, Kesterby'
DESCRIPTION = 'Tollgate Bakery, a craft bakery, shop and caf&eacute; in the old tollhouse on Turnpike Row, Kesterby.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to remember what is in your basket. <button>Fine by me</button> <a href="/privacy/">Privacy</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/tollgate-logo.svg" alt="Tollgate Bakery"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Baked through the night in Kesterby's old tollhouse. Orders and questions: 01632 960 652.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Tollgate Bakery Ltd, 14 Turnpike Row, Kesterby KB3 7TG. Registered in England, company number 07611238. VAT number GB 318 5520 47.</p>
  <ul><li><a href="/team/">Our bakers</a></li><li><a href="/allergens/">Allergens</a></li><li><a href="/careers/">Jobs</a></li><li><a href="/news/christmas-2026/">Christmas</a></li><li><a href="/news/bread-club-2027/">News</a></li><li><a href="/privacy/">Privacy</a></li></ul>
  <p>&copy; 2026 Tollgate Bakery. Members of the Real Bread Campaign.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/checkout/")
