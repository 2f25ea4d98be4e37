# Writes the Wrenfield Dental site (pages.py) into a directory: one index.html per page with the
# shared header, navigation, cookie banner and footer a real family dental practice's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/nhs-dentistry/", "NHS dentistry"), ("/private-fees/", "Private fees"),
       ("/hygienist/", "Hygienist"), ("/implants/", "Implants"), ("/cosmetic/", "Cosmetic"),
       ("/children/", "Children"), ("/dental-plan/", "Wrenfield Plan"),
       ("/emergency/", "Emergencies"), ("/opening-hours/", "Opening times"),
       ("/find-us/", "Find us"), ("/help/", "Help")]

TITLE = 'Wrenfield Dental, Hollinsford'
DESCRIPTION = 'Wrenfield Dental, a family dental practice on Market Street, Hollinsford: NHS and private dentistry, hygienist, implants, emergency appointments and children\'s dentistry.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to remember your choices in the online booking form. <button>Accept</button> <a href="/privacy/">Privacy and cookies</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/wrenfield-logo.svg" alt="Wrenfield Dental"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Caring for Hollinsford smiles since 1994. In pain? Ring 01632 960 318 from 8:00 for a same-day appointment.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Wrenfield Dental Care Ltd, 14 Market Street, Hollinsford HF2 4DL. Registered in England, company number 03318842. Registered with the Care Quality Commission. All our dentists, hygienists and nurses are registered with the General Dental Council.</p>
  <ul><li><a href="/team/">Our team</a></li><li><a href="/new-patients/">New patients</a></li><li><a href="/nervous-patients/">Nervous patients</a></li><li><a href="/news/private-fees-november-2026/">News</a></li><li><a href="/privacy/">Privacy</a></li></ul>
  <p>&copy; 2026 Wrenfield Dental. Complaints: please write to the practice manager at the address above.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/patient-portal/")
