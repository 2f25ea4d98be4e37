# Writes the Fernbank Vets site (pages.py) into a directory: one index.html per page with the
# shared header, navigation, cookie banner and footer a real small-business site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/services/", "Appointments and prices"), ("/surgery/", "Operations"),
       ("/health-plan/", "Health Club"), ("/emergencies/", "Emergencies"),
       ("/opening-hours/", "Opening hours"), ("/visit/", "Find us"), ("/faq/", "FAQ"),
       ("/contact/", "Contact")]

TITLE = 'Fernbank Vets'
DESCRIPTION = 'Fernbank Vets, an independent veterinary practice for dogs, cats, rabbits and small pets in Kelsbridge.'
TOP = """<div class="cookie-banner" role="dialog">We use one cookie to keep you signed in to online booking. <button>Accept</button> <a href="/privacy/">More</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/logo.svg" alt="Fernbank Vets"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Book online any time, or call us on 01632 960 284.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Fernbank Veterinary Practice Ltd, 22 Quarry Road, Kelsbridge KB4 7TN. Registered in England, company number 09317254.</p>
  <ul><li><a href="/about/">About us</a></li><li><a href="/team/">Meet the team</a></li><li><a href="/policies/">Fees and policies</a></li><li><a href="/careers/">Careers</a></li><li><a href="/guides/pet-insurance/">Pet insurance guide</a></li><li><a href="/privacy/">Privacy and cookies</a></li></ul>
  <p>&copy; 2026 Fernbank Vets. Follow us for pet care tips and practice news.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/admin/")
