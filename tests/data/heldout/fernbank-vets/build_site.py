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

def layout(title, body, meta):
    nav = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in NAV)
    return f"""<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>{title} | Fernbank Vets</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Fernbank Vets, an independent veterinary practice for dogs, cats, rabbits and small pets in Kelsbridge.">
{meta}
</head>
<body>
<div class="cookie-banner" role="dialog">We use one cookie to keep you signed in to online booking. <button>Accept</button> <a href="/privacy/">More</a></div>
<header class="site-header">
  <a class="logo" href="/"><img src="/images/logo.svg" alt="Fernbank Vets"></a>
  <nav aria-label="Main"><ul>{nav}</ul></nav>
  <p class="promo">Book online any time, or call us on 01632 960 284.</p>
</header>
<main>
{body}
</main>
<footer class="site-footer">
  <p>Fernbank Veterinary Practice Ltd, 22 Quarry Road, Kelsbridge KB4 7TN. Registered in England, company number 09317254.</p>
  <ul><li><a href="/about/">About us</a></li><li><a href="/team/">Meet the team</a></li><li><a href="/policies/">Fees and policies</a></li><li><a href="/careers/">Careers</a></li><li><a href="/guides/pet-insurance/">Pet insurance guide</a></li><li><a href="/privacy/">Privacy and cookies</a></li></ul>
  <p>&copy; 2026 Fernbank Vets. Follow us for pet care tips and practice news.</p>
</footer>
</body>
</html>
"""


sitegen.build(__file__, layout, disallow="/admin/")
