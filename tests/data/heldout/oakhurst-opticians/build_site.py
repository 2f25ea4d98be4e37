# Writes the Oakhurst Opticians site (pages.py) into a directory: one index.html per page with the
# shared header, navigation, cookie banner and footer a real independent opticians' site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/eye-tests/", "Eye tests"), ("/glasses/", "Glasses"),
       ("/contact-lenses/", "Contact lenses"), ("/hearing/", "Hearing"),
       ("/children/", "Children's eyes"), ("/home-visits/", "Home visits"),
       ("/eyecare-plan/", "Eyecare Plan"), ("/work-and-driving/", "Work and driving"),
       ("/opening-hours/", "Opening times"), ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'Oakhurst Opticians, Wellsgrave'
DESCRIPTION = 'Oakhurst Opticians, an independent family opticians and hearing centre on Oakhurst Parade, Wellsgrave: eye tests, glasses, contact lenses and hearing care.'
TOP = """<div class="cookie-banner" role="dialog">This site uses a cookie to remember your appointment request. <button>OK</button> <a href="/privacy/">Find out more</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/oakhurst-logo.svg" alt="Oakhurst Opticians"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Looking after Wellsgrave's eyes since 1978. Book an eye test on 01632 960 926.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Oakhurst Opticians Ltd, 14 Oakhurst Parade, Wellsgrave WG3 7PL. Registered in England, company number 04817263. Our optometrists and dispensing opticians are registered with the General Optical Council.</p>
  <ul><li><a href="/team/">Meet the team</a></li><li><a href="/repairs-and-aftercare/">Repairs and aftercare</a></li><li><a href="/eyecare-plan/">Eyecare Plan</a></li><li><a href="/careers/">Jobs</a></li><li><a href="/news/eye-examination-fees-2027/">News</a></li><li><a href="/privacy/">Privacy</a></li></ul>
  <p>&copy; 2026 Oakhurst Opticians. An independent practice, owned by the people who work in it.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/book/")
