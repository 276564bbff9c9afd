"""scripts/export_10kgnad.py: row N of 10kGNAD test.csv -> gnad-NNNN.txt, text unchanged."""
from __future__ import annotations

import csv
import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("export_10kgnad", ROOT / "scripts" / "export_10kgnad.py")
export_10kgnad = importlib.util.module_from_spec(spec)
spec.loader.exec_module(export_10kgnad)


def test_ids_round_trip():
    assert export_10kgnad.article_id(7) == "gnad-0007.txt"
    assert export_10kgnad.row_of("out/x/gnad-0123.txt") == 123
    with pytest.raises(ValueError, match="not a 10kGNAD article id"):
        export_10kgnad.row_of("000_abc.txt")


def test_invented_csv(tmp_path):
    src = tmp_path / "t.csv"
    with src.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter=";", quotechar="'")
        w.writerow(["Inland", "Erster Text; mit 'Zitat' und 12 Personen."])
        w.writerow(["Sport", "Zweiter Text"])
        w.writerow(["Web", "Dritter Text"])
    stories = tmp_path / "s.jsonl"
    stories.write_text(json.dumps({"id": "geschichte", "articles": ["gnad-0000.txt", "gnad-0002.txt"]}) + "\n")
    assert export_10kgnad.main(["--csv", str(src), "--out", str(tmp_path / "o"), "--stories", str(stories)]) == 0
    assert sorted(p.name for p in (tmp_path / "o" / "geschichte").iterdir()) == ["gnad-0000.txt", "gnad-0002.txt"]
    assert (tmp_path / "o" / "geschichte" / "gnad-0000.txt").read_text(encoding="utf-8") == (
        "Erster Text; mit 'Zitat' und 12 Personen.\n")
    assert export_10kgnad.main(["--csv", str(src), "--out", str(tmp_path / "r"), "--rows", "1"]) == 0
    assert [p.name for p in (tmp_path / "r").iterdir()] == ["gnad-0001.txt"]
    assert export_10kgnad.main(["--csv", str(src), "--out", str(tmp_path / "r"), "--rows", "9"]) == 2


def test_real_csv(shared_dir, tmp_path):
    csv_path = shared_dir / "data" / "10kgnad" / "test.csv"
    if not csv_path.is_file():
        pytest.skip("10kGNAD test.csv is not present")
    rows = export_10kgnad.read_rows(csv_path)
    assert len(rows) == 1028
    assert export_10kgnad.main(["--csv", str(csv_path), "--out", str(tmp_path), "--rows", "0,1027"]) == 0
    assert (tmp_path / "gnad-1027.txt").read_text(encoding="utf-8") == rows[1027][1] + "\n"
