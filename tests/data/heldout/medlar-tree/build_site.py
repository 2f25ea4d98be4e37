# Writes the Medlar Tree Garden Centre site (pages.py) into a directory: one index.html per page
# with the shared header, navigation, cookie banner and footer a real garden centre's site has, a
# sitemap.xml with each page's lastmod, and robots.txt (../sitegen.py).
#   python3 build_site.py <out dir> <base url>
import os, sys
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
import sitegen

NAV = [("/", "Home"), ("/plants/", "Plants"), ("/hedging/", "Hedging"),
       ("/compost-and-bark/", "Compost and bark"), ("/delivery/", "Delivery"),
       ("/garden-design/", "Garden design"), ("/workshops/", "Workshops"),
       ("/cafe/", "The Bothy caf&eacute;"), ("/opening-hours/", "Opening times"),
       ("/find-us/", "Find us"), ("/faq/", "Help")]

TITLE = 'Medlar Tree Garden Centre, Pellingford'
DESCRIPTION = 'Medlar Tree, an independent garden centre, plant nursery and caf&eacute; on Kettle Lane, Pellingford.'
TOP = """<div class="cookie-banner" role="dialog">This site uses a cookie to remember your basket. <button>OK</button> <a href="/privacy/">Find out more</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/medlar-logo.svg" alt="Medlar Tree Garden Centre"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Grown in Pellingford since 1981. Questions? Ring the plant desk on 01632 960 407.</p>
</header>
"""
BOTTOM = """<footer class="site-footer">
  <p>Medlar Tree Garden Centre Ltd, Kettle Lane, Pellingford PF6 3RJ. Registered in England, company number 05529184. VAT number GB 274 9183 06.</p>
  <ul><li><a href="/team/">Our people</a></li><li><a href="/loyalty/">Medlar Card</a></li><li><a href="/plant-guarantee/">Plant guarantee and returns</a></li><li><a href="/careers/">Jobs</a></li><li><a href="/news/christmas-2026/">News</a></li><li><a href="/privacy/">Privacy</a></li></ul>
  <p>&copy; 2026 Medlar Tree Garden Centre. Members of the Horticultural Trades Association.</p>
</footer>
"""


sitegen.build(__file__, NAV, TITLE, DESCRIPTION, TOP, BOTTOM, disallow="/basket/")
