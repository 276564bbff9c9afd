"""The web timeline's labels of stored time values (web/static/timeline.js `fmtDate`), run under node where it is
installed: week-style values (a weekday of a dated week, an undated weekday, a weekend) shown as a reader reads them."""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

import lagebild.web

SCRIPT = Path(lagebild.web.__file__).parent / "static" / "timeline.js"

# the file's constants and date helpers, without the drawing that needs a page
HARNESS = """
const src = require("fs").readFileSync(process.argv[1], "utf8");
const a = src.indexOf("var DAY"), b = src.indexOf("\\n", a);
const p = src.indexOf("  var PARTS"), q = src.indexOf("  function label");
eval(src.slice(a, b) + src.slice(p, q) + "\\nglobalThis.fmtDate = fmtDate;");
console.log(JSON.stringify(JSON.parse(process.argv[2]).map(fmtDate)));
"""


@pytest.mark.skipif(shutil.which("node") is None, reason="node not installed")
def test_week_style_values_are_shown_as_days():
    values = ["2025-W46-5TEV", "XXXX-WXX-5T21:40", "XXXX-WXX-WE", "2025-W46", "2025-11-14T21:40", "2025-11",
              "PAST_REF"]
    out = subprocess.run(["node", "-e", HARNESS, str(SCRIPT), json.dumps(values)], capture_output=True, text=True,
                         check=True, timeout=30).stdout
    assert json.loads(out) == ["14.11.2025, abends", "Freitag, 21:40 Uhr", "Wochenende", "KW 46/2025",
                               "14.11.2025, 21:40 Uhr", "11/2025", "PAST_REF"]
