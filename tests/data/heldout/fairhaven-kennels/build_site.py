# Writes the Fairhaven Kennels and Cattery site (pages.py) into a directory: one index.html per
# page with the shared header, navigation, cookie banner and footer a real boarding kennels' site
# has, a sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/dog-boarding/", "Dog boarding"), ("/cattery/", "Cattery"),
       ("/daycare/", "Daycare"), ("/grooming/", "Grooming"), ("/pet-taxi/", "Pet taxi"),
       ("/facilities/", "Look around"), ("/booking/", "Booking"),
       ("/opening-hours/", "Opening times"), ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'Fairhaven Kennels and Cattery, Thistleby'
DESCRIPTION = 'Fairhaven, a family-run boarding kennels and cattery with dog grooming and daycare on Pennywell Lane, Thistleby.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to keep you signed in to My Bookings. <button>Accept</button> <a href="/terms/#privacy">Find out more</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/fairhaven-logo.svg" alt="Fairhaven Kennels and Cattery"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Caring for Thistleby's dogs and cats since 1994. Bookings and enquiries: 01632 960 936.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Fairhaven Kennels Ltd, Fairhaven Farm, Pennywell Lane, Thistleby TY7 2LH. Registered in England, company number 06238815. Licensed by Thistleby District Council to board dogs and cats, provide dog daycare and groom dogs, licence number TDC/AAL/0417.</p>
  <ul><li><a href="/team/">Meet the team</a></li><li><a href="/vaccinations/">Vaccinations</a></li><li><a href="/what-to-bring/">What to bring</a></li><li><a href="/terms/">Terms and conditions</a></li><li><a href="/careers/">Jobs</a></li><li><a href="/news/christmas-2026/">News</a></li></ul>
  <p>&copy; 2026 Fairhaven Kennels and Cattery. Members of the Pet Industry Federation.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/my-bookings/")
