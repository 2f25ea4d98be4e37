# Writes the Samphire House site (pages.py) into a directory: one index.html per page with the
# shared header, navigation, cookie banner and footer a real small hotel's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/rooms/", "Rooms and rates"), ("/restaurant/", "The Samphire Room"),
       ("/restaurant/menus/", "Menus"), ("/weddings/", "Weddings"),
       ("/private-dining/", "Private dining"), ("/getting-here/", "Getting here"),
       ("/local-area/", "Around Wrenmouth"), ("/faq/", "FAQ"), ("/contact/", "Contact")]

TITLE = 'Samphire House, Wrenmouth'
DESCRIPTION = 'Samphire House, a family-run hotel and restaurant above the harbour in Wrenmouth.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to hold your booking while you choose a room. <button>Fine by me</button> <a href="/privacy/">Details</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/logo.svg" alt="Samphire House"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Book direct for our best rate: call 01632 960 518 or <a href="/rooms/">check availability</a>.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Samphire House (Wrenmouth) Ltd, 3 Quay Hill, Wrenmouth WM7 2QX. Registered in England, company number 04718263. VAT number GB 318 4427 90.</p>
  <ul><li><a href="/about/">Our story</a></li><li><a href="/team/">The team</a></li><li><a href="/policies/">Booking terms</a></li><li><a href="/gift-vouchers/">Gift vouchers</a></li><li><a href="/careers/">Work with us</a></li><li><a href="/privacy/">Privacy and cookies</a></li></ul>
  <p>&copy; 2026 Samphire House. Sign up at reception for our twice-yearly letter from the harbour.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/booking/")
