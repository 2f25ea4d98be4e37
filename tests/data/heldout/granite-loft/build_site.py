# Writes The Granite Loft climbing centre site (pages.py) into a directory: one index.html per page
# with the shared header, navigation, cookie banner and footer a real climbing wall's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/prices/", "Prices"), ("/memberships/", "Memberships"),
       ("/first-visit/", "Your first visit"), ("/courses/", "Courses"), ("/kids/", "Kids' clubs"),
       ("/parties/", "Parties"), ("/the-centre/", "The walls"), ("/cafe/", "The Ledge caf&eacute;"),
       ("/opening-hours/", "Opening times"), ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'The Granite Loft, Kelderby'
DESCRIPTION = 'The Granite Loft, an independent bouldering and indoor climbing centre with a caf&eacute; and shop in Ferris Mill, Tanners Wharf, Kelderby.'
TOP = """<div class="cookie-banner" role="dialog">We use a cookie to keep you signed in to your climber account. <button>Got it</button> <a href="/faq/">More</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/granite-loft-logo.svg" alt="The Granite Loft"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">New problems set every week in the Cave. Questions? Call reception on 01632 960 318.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>The Granite Loft Climbing Ltd, Ferris Mill, Tanners Wharf, Kelderby KD4 2TW. Registered in England, company number 10834472. VAT number GB 318 4421 95.</p>
  <ul><li><a href="/team/">Our team</a></li><li><a href="/gear-hire/">Gear hire</a></li><li><a href="/shop/">Shop</a></li><li><a href="/groups/">Schools and groups</a></li><li><a href="/news/new-prices-november-2026/">News</a></li></ul>
  <p>&copy; 2026 The Granite Loft. Members of the Association of British Climbing Walls.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/account/")
