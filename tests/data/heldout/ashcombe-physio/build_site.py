# Writes the Ashcombe Physiotherapy and Sports Massage site (pages.py) into a directory: one
# index.html per page with the shared header, navigation, cookie banner and footer a real small
# clinic's site has, a sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/physiotherapy/", "Physiotherapy"), ("/sports-massage/", "Sports massage"),
       ("/what-we-treat/", "What we treat"), ("/classes/", "Pilates and classes"),
       ("/prices/", "Prices"), ("/insurance/", "Paying and insurance"), ("/booking/", "Book"),
       ("/opening-hours/", "Opening times"), ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'Ashcombe Physiotherapy and Sports Massage, Hartsmere'
DESCRIPTION = 'Ashcombe Physio, an independent physiotherapy, sports massage and Pilates clinic on Malthouse Lane, Hartsmere.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to keep you signed in to the patient portal. <button>OK</button> <a href="/privacy/">Find out more</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/ashcombe-logo.svg" alt="Ashcombe Physio"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">No GP referral needed. Call reception on 01632 960 574 or <a href="/booking/">book online</a>.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Ashcombe Physiotherapy Ltd, Ashcombe House, 9 Malthouse Lane, Hartsmere HT3 9QD. Registered in England, company number 07841236.</p>
  <ul><li><a href="/team/">Our team</a></li><li><a href="/acupuncture/">Acupuncture</a></li><li><a href="/home-visits/">Home visits</a></li><li><a href="/first-appointment/">Your first appointment</a></li><li><a href="/news/new-prices-2026/">News</a></li><li><a href="/privacy/">Privacy</a></li></ul>
  <p>&copy; 2026 Ashcombe Physiotherapy. All our physiotherapists are registered with the Health and Care Professions Council and are members of the Chartered Society of Physiotherapy.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/portal/")
