"""Adding articles from the browser or the API: upload files or paste a text.

Writes are disabled unless the app was started with a token; they then require it (header
`Authorization: Bearer T` or form field `token`, compared in constant time). Uploads go through
the same build as `lagebild build`, for the new articles only, under the app's write lock.
"""

import re
import secrets
import tempfile
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    Header,
    HTTPException,
    Request,
    UploadFile,
)
from fastapi.responses import HTMLResponse, JSONResponse

from ..model import Article, ArticleError
from .dossier import DOSSIER, Dossier, dossier_of, page
from .schemas import AddResult

router = APIRouter()
MAX_UPLOAD = 5 * 1024 * 1024  # bytes per file
MAX_FILES = 50
UPLOAD_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".jsonl", ".ndjson", ".json", ".html", ".htm", ".xhtml"}


def check_token(dossier: Dossier, authorization: str | None, form_token: str | None) -> None:
    if dossier.token is None:
        raise HTTPException(
            403, "adding articles is disabled: start the app with `lagebild serve --db FILE --token T`"
        )
    given = None
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[7:].strip()
    given = given or (form_token or "").strip() or None
    if given is None or not secrets.compare_digest(given.encode(), dossier.token.encode()):
        raise HTTPException(
            401,
            "a valid token is required: header `Authorization: Bearer T` or form field `token`",
            headers={"WWW-Authenticate": "Bearer"},
        )

UploadForm = dict[str, Any]

def upload_form(
    request: Request,
    files: Annotated[list[UploadFile] | None, File(description="article files")] = None,
    text: Annotated[str | None, Form(description="pasted article text")] = None,
    title: Annotated[str | None, Form()] = None,
    outlet: Annotated[str | None, Form()] = None,
    url: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form(description="YYYY-MM-DD")] = None,
    id: Annotated[str | None, Form(description="article id (default: from the text)")] = None,
    token: Annotated[str | None, Form()] = None,
    authorization: Annotated[str | None, Header()] = None,
) -> UploadForm:
    check_token(dossier_of(request), authorization, token)
    return _form(files, text, title, outlet, url, published, id)

@router.post(
    "/api/articles",
    response_model=AddResult,
    tags=["articles"],
    responses={
        401: {"description": "token missing or wrong"},
        403: {"description": "write endpoints disabled (no --token)"},
    },
)
def api_add(dossier: DOSSIER, form: Annotated[UploadForm, Depends(upload_form)]):
    """Add articles (files and/or pasted text) to the dossier through the regular build."""
    result = add_articles(dossier, form)
    return JSONResponse(result, status_code=200 if result["ok"] else 422)


@router.get("/add", response_class=HTMLResponse, include_in_schema=False)
def add_page(request: Request):
    return page(request, "add.html.j2", result=None, error=None)

@router.post("/add", response_class=HTMLResponse, include_in_schema=False)
def add_post(
    request: Request,
    files: Annotated[list[UploadFile] | None, File()] = None,
    text: Annotated[str | None, Form()] = None,
    title: Annotated[str | None, Form()] = None,
    outlet: Annotated[str | None, Form()] = None,
    url: Annotated[str | None, Form()] = None,
    published: Annotated[str | None, Form()] = None,
    id: Annotated[str | None, Form()] = None,
    token: Annotated[str | None, Form()] = None,
    authorization: Annotated[str | None, Header()] = None,
):
    try:
        check_token(dossier_of(request), authorization, token)
        result = add_articles(dossier_of(request), _form(files, text, title, outlet, url, published, id))
    except HTTPException as e:
        return page(request, "add.html.j2", status_code=e.status_code, result=None, error=e.detail)
    return page(request, "add.html.j2", status_code=200 if result["ok"] else 422, result=result, error=None)


def add_articles(dossier: Dossier, form: dict[str, Any]) -> dict[str, Any]:
    """Add uploaded files and a pasted text to the dossier through the regular build."""
    from ..build import analyse_ahead, build_articles

    files: list[UploadFile] = form["files"]
    text = (form.get("text") or "").strip()
    if not files and not text:
        raise HTTPException(400, "nothing to add: upload files or paste a text")
    if len(files) > MAX_FILES:
        raise HTTPException(413, f"at most {MAX_FILES} files at once")
    articles, errors = _read_uploads(files)
    if text:
        try:
            articles.append(_pasted(form, text))
        except ArticleError as e:
            errors.append(e)
    if not articles:
        return {
            "ok": False,
            "build": None,
            "new": [],
            "replaced": [],
            "unchanged": [],
            "errors": [{k: dossier.public(v) for k, v in e.to_dict().items()} for e in errors],
            "articles": [],
            "summary": "nothing could be read",
        }
    with dossier.analyse_lock:   # the analysis outside the write lock: readers and another upload's writes go on
        ahead = analyse_ahead(articles, dossier.path, nlp=dossier.nlp())
    with dossier.write_lock:
        summary = build_articles(
            articles,
            dossier.path,
            errors=errors,
            inputs=[a.source_path or a.id for a in articles],
            nlp=dossier.nlp(),
            ahead=ahead,
        )
    dossier.cache.clear()
    dossier.prewarm()
    return _added(dossier, summary)


def _read_uploads(files: list[UploadFile]) -> tuple[list[Article], list[ArticleError]]:
    """The uploaded files read as articles (through a temporary folder, names made safe), and an error for
    each file of another type, too large or of a name already in this upload."""
    from ..ingest.sources import InputOptions
    from ..pipeline import read_articles

    articles: list[Article] = []
    errors: list[ArticleError] = []
    with tempfile.TemporaryDirectory(prefix="lagebild-upload-") as tmp:
        names: dict[str, str] = {}
        for i, up in enumerate(files):
            name = Path(up.filename or f"upload-{i}.txt").name
            name = re.sub(r"[^\w.\-]+", "_", name).lstrip(".") or f"upload-{i}.txt"
            if Path(name).suffix.lower() not in UPLOAD_SUFFIXES:
                errors.append(ArticleError(up.filename or name,
                                           "unsupported file type (use .txt, .md, .html, .json or .jsonl)",
                                           skipped="this file"))
                continue
            data = up.file.read(MAX_UPLOAD + 1)
            if len(data) > MAX_UPLOAD:
                errors.append(
                    ArticleError(name, f"file larger than {MAX_UPLOAD // 1024 // 1024} MB", skipped="this file"))
                continue
            target = Path(tmp) / name
            if target.exists():
                errors.append(ArticleError(name, "a file of this name is already in this upload",
                                           skipped="this copy"))
                continue
            target.write_bytes(data)
            names[str(target)] = name
        if names:
            # an uploaded list of links or feed is not fetched by the server (no requests on a visitor's behalf)
            read, errs = read_articles([Path(p) for p in names], InputOptions(fetch=False))
            for a in read:  # the temporary path means nothing later: say where it came from
                name = names.get(a.source_path or "", a.id)
                tmp_origin = str(Path(tmp).resolve() / name)
                a.source_path = "upload:" + name
                # identity (store/identity.py): an upload of the same name (and record id) is that article again
                a.origin = "upload:" + name + (a.origin or "")[len(tmp_origin):]
            articles += read
            errors += errs
    return articles, errors


def _added(dossier: Dossier, summary: Any) -> dict[str, Any]:
    """The answer to an upload that was built: what is new, replaced, unchanged, what failed."""
    from rich.text import Text

    done = summary.new + summary.replaced + summary.reanalysed
    return {
        "ok": bool(done or summary.unchanged_ids),
        "build": summary.build_id,
        "new": summary.new,
        "replaced": summary.replaced + summary.reanalysed,
        "unchanged": summary.unchanged_ids,
        "errors": [{k: dossier.public(v) for k, v in e.to_dict().items()} for e in summary.errors],
        "articles": [{"id": i, "url": "/articles/" + quote(i, safe="")} for i in done + summary.unchanged_ids],
        "summary": dossier.public(Text.from_markup(summary.describe()).plain),
    }


def _pasted(form: dict[str, Any], text: str) -> Article:
    """A pasted text through the same reader as a JSON record (cleaning, title, date, language)."""
    import hashlib

    from ..ingest.readers import from_record

    aid = (form.get("id") or "").strip() or "paste-" + hashlib.sha256(text.encode()).hexdigest()[:12]
    rec = {
        "id": aid,
        "text": text,
        "title": form.get("title") or None,
        "outlet": form.get("outlet") or None,
        "url": form.get("url") or None,
        "published": form.get("published") or None,
    }
    a = from_record(rec, aid, "pasted text")
    a.source_path = "upload:pasted text"
    a.origin = "paste:" + aid   # each pasted text its own article (a given id: that article again)
    a.content_hash = "sha256:" + hashlib.sha256(repr(sorted(rec.items())).encode()).hexdigest()
    return a


def _form(files: list[UploadFile] | None, text: str | None, title: str | None, outlet: str | None,
          url: str | None, published: str | None, id: str | None) -> dict[str, Any]:
    """What the API and the page's form submit, as add_articles takes it (files without a name dropped)."""
    return {"files": [f for f in files or [] if f.filename], "text": text, "title": title, "outlet": outlet,
            "url": url, "published": published, "id": id}
