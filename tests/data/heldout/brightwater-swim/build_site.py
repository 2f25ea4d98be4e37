# Writes the Brightwater Swim School site (pages.py) into a directory: one index.html per page
# with the shared header, navigation, cookie banner and footer a real swim school's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/children/", "Children's lessons"), ("/adults/", "Adult lessons"),
       ("/baby-and-toddler/", "Ducklings"), ("/private-lessons/", "Private lessons"),
       ("/crash-courses/", "Holiday crash courses"), ("/timetable/", "Timetable"),
       ("/prices/", "Prices"), ("/our-pools/", "Our pools"), ("/opening-hours/", "Office hours"),
       ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'Brightwater Swim School, Elderwick'
DESCRIPTION = 'Brightwater Swim School: swimming lessons for babies, children and adults at the Linden Court Hotel and Elderwick Leisure Centre.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to keep you signed in to the booking hub. <button>Got it</button> <a href="/privacy/">More about cookies</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/brightwater-logo.svg" alt="Brightwater Swim School"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Bookings for the spring term 2027 are open now. Questions? Call the office on 01632 960 927.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Brightwater Swim School Ltd, Unit 4, Weavers Court, Elderwick EK4 2RT. Registered in England, company number 07719346.</p>
  <ul><li><a href="/team/">Our teachers</a></li><li><a href="/terms-and-booking/">Term dates and booking</a></li><li><a href="/parties/">Pool parties</a></li><li><a href="/news/new-prices-2027/">News</a></li><li><a href="/privacy/">Privacy</a></li></ul>
  <p>&copy; 2026 Brightwater Swim School. All our teachers hold Swim England teaching qualifications.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/hub/")
