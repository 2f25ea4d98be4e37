# Writes the Kestrel Driving School site (pages.py) into a directory: one index.html per page
# with the shared header, navigation, cookie banner and footer a real driving school's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/lessons/", "Lessons and prices"), ("/intensive-courses/", "Intensive courses"),
       ("/pass-plus/", "Pass Plus"), ("/motorway-lessons/", "Motorway lessons"),
       ("/theory-test/", "Theory help"), ("/refresher-lessons/", "Refresher lessons"),
       ("/gift-vouchers/", "Gift vouchers"), ("/instructors/", "Our instructors"),
       ("/contact/", "Contact"), ("/faq/", "FAQs")]

TITLE = 'Kestrel Driving School, Wickenford'
DESCRIPTION = 'Kestrel Driving School: manual and automatic driving lessons, intensive courses, Pass Plus and motorway lessons in Wickenford and the villages around it.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to remember your booking form. <button>Accept</button> <a href="/privacy/">Privacy</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/kestrel-logo.svg" alt="Kestrel Driving School"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Independent and local since 2009. Book a lesson: 01632 960 552.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Kestrel Driving School Ltd, 14 Corn Exchange Yard, Wickenford WK3 1HN. Registered in England, company number 06914273. All our instructors are DVSA approved driving instructors (ADIs).</p>
  <ul><li><a href="/areas-covered/">Areas we cover</a></li><li><a href="/booking/">Booking and cancellations</a></li><li><a href="/first-lesson/">Your first lesson</a></li><li><a href="/opening-hours/">Office hours</a></li><li><a href="/news/lesson-prices-2026/">News</a></li><li><a href="/privacy/">Privacy</a></li></ul>
  <p>&copy; 2026 Kestrel Driving School.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/pupil-login/")
