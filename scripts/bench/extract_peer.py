"""The Python peer of tests/benches/extract.rs: the same pages, extracted with BeautifulSoup
(lxml parser) and chunked with langchain-text-splitters, single-threaded.

Extraction mirrors the Rust side: drop nav, header, footer, aside, scripts, forms and cookie
banners; take <main> (or the body); write headings, paragraphs, list items, table rows
("Header: value; ...") and <details> as markdown; then MarkdownHeaderTextSplitter (heading
path) and RecursiveCharacterTextSplitter (1400 characters, 160 overlap: about 350 and 40
tokens; tiktoken would download its encoding at run time, which this workplace cannot).

Usage: extract_peer.py CORPUS_DIR [ROUNDS]
"""

import pathlib
import sys
import time

from bs4 import BeautifulSoup
from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

CHROME = ["nav", "header", "footer", "aside", "script", "style", "noscript", "template", "form", "button", "svg"]


def to_markdown(root):
    out = []
    for el in root.find_all(["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "summary", "figcaption", "img"]):
        name = el.name
        if name.startswith("h") and len(name) == 2:
            out.append("#" * int(name[1]) + " " + el.get_text(" ", strip=True))
        elif name == "li":
            out.append("- " + el.get_text(" ", strip=True))
        elif name == "tr":
            cells = [c.get_text(" ", strip=True) for c in el.find_all(["td", "th"])]
            out.append("- " + "; ".join(cells))
        elif name == "img":
            if el.get("alt"):
                out.append(el["alt"])
        else:
            out.append(el.get_text(" ", strip=True))
    return "\n\n".join(t for t in out if t.strip())


def extract(html):
    soup = BeautifulSoup(html, "lxml")
    for tag in soup.find_all(CHROME):
        tag.decompose()
    for tag in soup.select('[class*="cookie"], [hidden], [aria-hidden="true"]'):
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else ""
    root = soup.find("main") or soup.body or soup
    return title, to_markdown(root)


def main():
    corpus = pathlib.Path(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    pages = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("page-*.html"))]
    headers = MarkdownHeaderTextSplitter([("#", "h1"), ("##", "h2"), ("###", "h3")])
    splitter = RecursiveCharacterTextSplitter(chunk_size=1400, chunk_overlap=160)
    best = float("inf")
    chunks = 0
    for _ in range(rounds):
        started = time.perf_counter()
        chunks = 0
        for html in pages:
            _title, markdown = extract(html)
            sections = headers.split_text(markdown)
            chunks += len(splitter.split_documents(sections))
        best = min(best, time.perf_counter() - started)
    print(f"python (BeautifulSoup/lxml + langchain-text-splitters): {len(pages) / best:.1f} pages/s ({chunks} chunks, best of {rounds} rounds)")


if __name__ == "__main__":
    main()
