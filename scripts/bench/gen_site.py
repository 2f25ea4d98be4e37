#!/usr/bin/env python3
"""Writes a deterministic static site of N pages for the ingestion benchmark.

  gen_site.py PAGES OUT_DIR BASE_URL

Every page carries the same header, navigation, cookie banner, promo strip and footer;
its main content is one of four kinds, in rotation: a long guide (sections, subsections,
lists), a product page (a specification table), an FAQ (questions in <details>), or a news
post. OUT_DIR also gets sitemap.xml (absolute URLs under BASE_URL) and robots.txt. The
same arguments always write the same bytes (a seeded generator, no clock).
"""

import html
import random
import sys
from pathlib import Path

WORDS = (
    "boiler heat pump radiator thermostat valve flow pressure service annual engineer "
    "install replace repair warranty efficient condensing combi system cylinder tank "
    "water hot cold home room floor underfloor zone control smart schedule weather "
    "compensation grant scheme survey quote price finance month year energy bill "
    "saving carbon emission electric gas oil hybrid solar panel battery inverter "
    "insulation loft cavity wall window draught noise outdoor unit indoor pipe bleed "
    "sludge filter magnetic flush inhibitor chemical limescale descale kettle shower "
    "tap leak drip burst frozen winter summer spring autumn booking visit slot morning "
    "afternoon evening weekend emergency callout customer account invoice receipt "
    "payment card transfer refund cancel reschedule postcode area county district town "
    "village coast harbour hill valley north south east west central team office depot"
).split()
SECTIONS = ["guides", "products", "faq", "news"]
PRODUCTS = ["Aurora", "Borealis", "Cirrus", "Delta", "Ember", "Fjord", "Glacier", "Haven"]


def sentence(rng, low=8, high=22):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    number = rng.randint(2, 950)
    words.insert(rng.randint(1, len(words) - 1), str(number))
    text = " ".join(words)
    return text[0].upper() + text[1:] + "."


def paragraph(rng, low=3, high=7):
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


def title(rng, words=4):
    return " ".join(rng.choice(WORDS) for _ in range(words)).title()


def guide(rng):
    parts = []
    for _ in range(rng.randint(5, 9)):
        parts.append(f"<h2>{html.escape(title(rng))}</h2>")
        for _ in range(rng.randint(2, 4)):
            parts.append(f"<p>{paragraph(rng)}</p>")
        if rng.random() < 0.6:
            parts.append(f"<h3>{html.escape(title(rng, 3))}</h3>")
            items = "".join(f"<li>{sentence(rng, 5, 12)}</li>" for _ in range(rng.randint(3, 6)))
            parts.append(f"<ul>{items}</ul>")
            parts.append(f"<p>{paragraph(rng, 2, 4)}</p>")
    return "".join(parts)


def product(rng, n):
    name = f"{rng.choice(PRODUCTS)} {rng.randint(10, 99)}{rng.choice('kKsS')}"
    rows = "".join(
        f"<tr><th>{html.escape(title(rng, 2))}</th><td>{rng.randint(1, 500)} "
        f"{rng.choice(['kW', 'litres', 'dB', 'kg', 'mm', '%', 'years'])}</td></tr>"
        for _ in range(rng.randint(8, 16))
    )
    return (
        f"<h2>{html.escape(name)} (model {n})</h2><p>{paragraph(rng)}</p>"
        f"<table><caption>Specification of the {html.escape(name)}</caption>{rows}</table>"
        f"<h2>Installation</h2><p>{paragraph(rng)}</p><p>{paragraph(rng)}</p>"
        f"<h2>Price</h2><p>From £{rng.randint(900, 12000)} fitted, {sentence(rng)}</p>"
    )


def faq(rng):
    parts = [f"<p>{paragraph(rng, 2, 3)}</p>"]
    for _ in range(rng.randint(6, 12)):
        question = sentence(rng, 6, 12).rstrip(".") + "?"
        parts.append(
            f"<details><summary>{html.escape(question)}</summary>"
            f"<p>{paragraph(rng, 2, 4)}</p></details>"
        )
    return "".join(parts)


def news(rng):
    return (
        f"<p><time>2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}</time></p>"
        + "".join(f"<p>{paragraph(rng)}</p>" for _ in range(rng.randint(3, 6)))
        + f"<blockquote>{sentence(rng)}</blockquote><p>{paragraph(rng)}</p>"
    )


CHROME_NAV = "".join(
    f'<li><a href="/{s}/">{s.title()}</a></li>' for s in SECTIONS
) + '<li><a href="/contact/">Contact</a></li>'


def page(rng, n, section):
    heading = f"{title(rng)} {n}"
    body = {
        "guides": lambda: guide(rng),
        "products": lambda: product(rng, n),
        "faq": lambda: faq(rng),
        "news": lambda: news(rng),
    }[section]()
    return (
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(heading)} | Northwind Heating</title></head><body>"
        '<div class="cookie-banner">We use cookies to remember your preferences. '
        '<button>Accept</button></div>'
        '<header><a href="/">Northwind Heating</a>'
        f"<nav><ul>{CHROME_NAV}</ul></nav></header>"
        '<div class="promo">Spring offer: a free smart thermostat with every new boiler, '
        "fitted before the end of May.</div>"
        f"<main><article><h1>{html.escape(heading)}</h1>{body}</article>"
        f'<aside><h2>Related</h2><ul><li><a href="/{section}/">More {section}</a></li></ul></aside>'
        "</main>"
        "<footer><p>Northwind Heating Ltd, 12 Mill Lane, Leeds. Registered in England "
        "no. 01234567.</p><p><a href=\"/privacy/\">Privacy</a> "
        "<a href=\"/terms/\">Terms</a></p></footer></body></html>"
    )


def main():
    pages, out, base = int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3].rstrip("/")
    rng = random.Random(20261201)
    urls = []
    for n in range(pages):
        section = SECTIONS[n % len(SECTIONS)]
        path = f"{section}/page-{n:05d}.html"
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page(rng, n, section), encoding="utf-8")
        urls.append(f"{base}/{path}")
    locs = "".join(f"<url><loc>{html.escape(u)}</loc></url>\n" for u in urls)
    (out / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{locs}</urlset>\n',
        encoding="utf-8",
    )
    (out / "robots.txt").write_text(
        f"User-agent: *\nDisallow: /private/\nSitemap: {base}/sitemap.xml\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
