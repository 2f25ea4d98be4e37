# Writes the Millbrook Pottery site (pages.py) into a directory: one index.html per page with the
# shared header, navigation, cookie banner and footer a real pottery studio's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/classes/", "Classes"), ("/taster-sessions/", "Tasters"),
       ("/childrens-classes/", "Clay Club"), ("/open-studio/", "Studio membership"),
       ("/kiln-firing/", "Kiln firing"), ("/shop/", "Shop"),
       ("/clay-and-materials/", "Clay and tools"), ("/commissions/", "Commissions"),
       ("/opening-hours/", "Opening times"), ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'Millbrook Pottery, Ambersett'
DESCRIPTION = 'Millbrook Pottery, a working pottery studio with classes, a kiln-firing service and a shop in the old corn mill on Brook Street, Ambersett.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to keep your class booking while you check out. <button>Fine by me</button> <a href="/privacy/">Privacy</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/millbrook-logo.svg" alt="Millbrook Pottery"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Spring courses open for booking on 1 December. Ring the studio on 01632 960 126.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Millbrook Pottery Ltd, The Old Corn Mill, Brook Street, Ambersett AT4 2LW. Registered in England, company number 07946318.</p>
  <ul><li><a href="/team/">Our potters</a></li><li><a href="/gift-vouchers/">Gift vouchers</a></li><li><a href="/booking-terms/">Bookings and cancellations</a></li><li><a href="/news/christmas-fair-2026/">News</a></li><li><a href="/privacy/">Privacy</a></li></ul>
  <p>&copy; 2026 Millbrook Pottery. Member of the Craft Potters Association.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/booking/")
