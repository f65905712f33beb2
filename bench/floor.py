"""Write a copy of ``monitor`` whose extraction is only a parse and three queries, for
``pipeline.py --baseline-src``: the cost of everything a pass does besides extraction.

Issue 9 asks for 6x Scrapy + trafilatura's articles/s. This copy answers how much of that the
rest of the pass (fetching, listings, robots, storing with the full-text index, watch
matching, alert files) leaves to extraction: the copy's own bodies are poor (F1 ~0.72), so it
is a measure, never a mode of the project.

    .venv/bin/python bench/floor.py /tmp/floor            # the working tree's monitor/
    .venv/bin/python bench/floor.py /tmp/floor --commit HEAD
    .venv/bin/python bench/pipeline.py --reps 2 --baseline-src /tmp/floor
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# appended to the copy's monitor/extract.py: extract() looks ``_extract`` up at each call
FLOOR = '''

def _floor_extract(html: bytes | str, url: str | None, rules: ExtractRules | None,
                   content_type: str | None) -> Article:
    """bench/floor.py: a parse, the first <h1> and <time>, the paragraphs of <article>/<main>."""
    text, _ = _to_text(html, content_type)
    tree = LexborHTMLParser(text)
    heading, time = tree.css_first("h1"), tree.css_first("time[datetime]")
    lines = [normalize_line(p.text()) for p in (tree.css("article p, main p") or tree.css("p"))]
    body = "\\n".join(line for line in lines if line)
    if not body:
        raise ExtractionFailed("no main content")
    stamp = time.attributes.get("datetime") if time is not None else None
    title = heading.text().strip() if heading is not None else ""
    return Article(url=url or "", title=title, body=body, published=stamp[:10] if stamp else None)


_extract = _floor_extract
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="directory to write (monitor/ goes inside it)")
    parser.add_argument("--commit", help="take monitor/ from this commit, not the working tree")
    args = parser.parse_args()
    target = args.out / "monitor"
    if target.exists():
        shutil.rmtree(target)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.commit:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", args.commit, "monitor"],
                                 check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(args.out)], input=archive, check=True)
    else:
        shutil.copytree(ROOT / "monitor", target,
                        ignore=shutil.ignore_patterns("__pycache__"))
    with (target / "extract.py").open("a", encoding="utf-8") as handle:
        handle.write(FLOOR)
    print(f"wrote {target} (extraction: parse + three queries)")


if __name__ == "__main__":
    main()
