# Writes the Copperline Cycles site (pages.py) into a directory: one index.html per page with the
# shared header, navigation, cookie banner and footer a real small-business site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/repairs/", "Repairs"), ("/bikes/", "Bikes"), ("/e-bikes/", "E-bikes"),
       ("/hire/", "Hire"), ("/visit/", "Visit"), ("/faq/", "FAQ"), ("/contact/", "Contact")]

TITLE = 'Copperline Cycles'
DESCRIPTION = 'Copperline Cycles, bike shop and repair workshop in Ambleford.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to remember your basket. <button>OK</button></div>
<header class="site-header">
  <a class="logo" href="/">Copperline Cycles</a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Free safety check with every service. Call 01539 720 415.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Copperline Cycles Ltd, 14 Mill Lane, Ambleford LA9 4QP. Company number 06843127.</p>
  <ul><li><a href="/privacy/">Privacy and cookies</a></li><li><a href="/careers/">Careers</a></li><li><a href="/about/">About us</a></li><li><a href="/team/">Our team</a></li></ul>
  <p>&copy; 2026 Copperline Cycles</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/admin/")
