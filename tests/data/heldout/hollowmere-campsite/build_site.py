# Writes the Hollowmere Campsite site (pages.py) into a directory: one index.html per page with
# the shared header, navigation, cookie banner and footer a real family campsite's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/pitches/", "Pitches"), ("/glamping-pods/", "Glamping pods"),
       ("/facilities/", "Facilities"), ("/shop/", "The shop"), ("/on-the-mere/", "On the mere"),
       ("/whats-on/", "What's on"), ("/booking/", "Booking"), ("/opening-times/", "Opening times"),
       ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'Hollowmere Campsite, Sallowby'
DESCRIPTION = 'Hollowmere, a family campsite with glamping pods, a shop and boat hire on the shore of Hollow Mere near Sallowby.'
TOP = """<div class="cookie-banner" role="dialog">This site uses a cookie to remember your booking choices. <button>OK</button> <a href="/privacy/">Find out more</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/hollowmere-logo.svg" alt="Hollowmere Campsite"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Family camping on the shore of Hollow Mere since 1987. Questions? Ring reception on 01632 960 471. <a href="/book-online/">Book now</a></p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Hollowmere Leisure Ltd, Mere Farm, Hollow Lane, Sallowby WQ4 7TD. Registered in England, company number 08847316. VAT number GB 291 6638 14.</p>
  <ul><li><a href="/team/">Who's who</a></li><li><a href="/dogs/">Dogs</a></li><li><a href="/site-rules/">Site rules</a></li><li><a href="/accessibility/">Accessibility</a></li><li><a href="/news/2027-season/">News</a></li><li><a href="/privacy/">Privacy</a></li></ul>
  <p>&copy; 2026 Hollowmere Campsite. Members of the Sallowby and Mere Valley Tourism Association.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/book-online/")
