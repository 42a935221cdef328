"""English and Spanish text, merged from one catalogue per tab (`demo/texts/<tab>.py`, plus `common.py` for
the page and the shared widgets).

Each catalogue has `UI` (static labels: Gradio's I18n, the browser's language picks) and `DYNAMIC` (text
that handlers compute: `text(key, lang)`, the language read from the request). A key defined twice, even
in two files, is an error at import: one of the two would silently win.
"""
from __future__ import annotations

import importlib
import pkgutil
from urllib.parse import parse_qs, urlsplit

import gradio as gr

import demo.texts

LANGUAGES = ("en", "es")


def _catalogues() -> list:
    return [importlib.import_module(f"demo.texts.{info.name}") for info in pkgutil.iter_modules(demo.texts.__path__)]


def merge(catalogues, table: str) -> dict[str, dict[str, str]]:
    """One {lang: {key: text}} from the catalogues' `table` (UI or DYNAMIC); raises on a duplicate key."""
    merged = {lang: {} for lang in LANGUAGES}
    where = {}
    for catalogue in catalogues:
        for lang in LANGUAGES:
            for key, value in getattr(catalogue, table)[lang].items():
                if key in merged[lang]:
                    raise ValueError(f"text key {key!r} ({table}, {lang}) is defined in both "
                                     f"{where[key]} and {catalogue.__name__}")
                merged[lang][key] = value
                where[key] = catalogue.__name__
    return merged


UI_TEXT = merge(_catalogues(), "UI")
DYNAMIC_TEXT = merge(_catalogues(), "DYNAMIC")
I18N = gr.I18n(**UI_TEXT)


def request_language(request: gr.Request | None) -> str:
    """The page's language: its link's `?lang=es` or `?lang=en` (read from the Referer, which the page's
    requests carry), else 'es' when the browser prefers Spanish (Accept-Language), else 'en'."""
    if request is None:
        return "en"
    headers = request.headers or {}
    asked = parse_qs(urlsplit(headers.get("referer", "")).query).get("lang", [""])[0]
    if asked in LANGUAGES:
        return asked
    return "es" if headers.get("accept-language", "").strip().lower().startswith("es") else "en"


def text(key: str, lang: str = "en", **values) -> str:
    template = DYNAMIC_TEXT.get(lang, DYNAMIC_TEXT["en"])[key]
    return template.format(**values) if values else template
