# Writes the Larkspur Flowers site (pages.py) into a directory: one index.html per page with the
# shared header, navigation, cookie banner and footer a real independent florist's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/fresh-flowers/", "Bouquets"), ("/weddings/", "Weddings"),
       ("/funerals/", "Funeral flowers"), ("/subscriptions/", "Subscriptions"),
       ("/workshops/", "Workshops"), ("/corporate/", "For businesses"),
       ("/delivery/", "Delivery"), ("/opening-hours/", "Opening hours"),
       ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'Larkspur Flowers, Brantwell'
DESCRIPTION = 'Larkspur Flowers, an independent florist on Cordwainer Street, Brantwell: bouquets, wedding and funeral flowers, flower subscriptions and workshops, with our own cutting garden.'
TOP = """<div class="cookie-banner" role="dialog">We use cookies to keep your basket and remember your delivery postcode. <button>Accept</button> <a href="/privacy/">Cookie settings</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/larkspur-logo.svg" alt="Larkspur Flowers"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Flowers grown and arranged in Brantwell. Order by phone on 01632 960 871.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Larkspur Flowers Ltd, 14 Cordwainer Street, Brantwell BW3 7HD. Registered in England, company number 09817342. VAT number GB 318 5527 40.</p>
  <ul><li><a href="/team/">Meet the florists</a></li><li><a href="/our-flowers/">Where our flowers come from</a></li><li><a href="/plants-and-gifts/">Plants and gifts</a></li><li><a href="/flower-care/">Flower care</a></li><li><a href="/news/subscription-changes-2026/">News</a></li><li><a href="/privacy/">Privacy and cookies</a></li></ul>
  <p>&copy; 2026 Larkspur Flowers. Members of the British Florist Association and Flowers from the Farm.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/checkout/")
