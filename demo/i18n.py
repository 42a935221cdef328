"""English and Spanish text, merged from one catalogue per tab (`demo/texts/<tab>.py`, plus `common.py` for
the page and the shared widgets).

Each catalogue has `UI` (static labels: Gradio's I18n, the browser's language picks) and `DYNAMIC` (text
that handlers compute: `text(key, lang)`, the language read from the request). A key defined twice, even
in two files, is an error at import: one of the two would silently win.
"""
from __future__ import annotations

import importlib
import pkgutil
import string
from urllib.parse import parse_qs, urlsplit

import gradio as gr
import numpy as np

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


# Spanish groups thousands with a (no-break) space and leaves four-digit numbers whole, as the RAE's
# Ortografía (2010) asks: never a comma, which is a decimal mark in much of the Spanish-speaking world, nor a
# point, which the lab's decimals use (the RAE accepts the point as the decimal mark). So 2 224 256 and 4000
# in Spanish, 2,224,256 and 4,000 in English; a percentage is separated from its number in Spanish (98.5 %).
SPANISH_GROUP = "\u00a0"


def number(value, spec: str, lang: str) -> str:
    """`value` formatted with the format `spec` in the reader's language (see SPANISH_GROUP)."""
    formatted = format(value, spec)
    if lang != "es" or isinstance(value, bool) or not isinstance(value, (int, float, np.integer, np.floating)):
        return formatted
    if "," in spec:
        whole = format(value, spec.replace(",", ""))
        sign = whole[:len(whole) - len(whole.lstrip("+-−"))]
        digits, point, rest = whole[len(sign):].partition(".")
        if digits.isdigit() and len(digits) > 4:
            digits = SPANISH_GROUP.join(f"{int(digits):,}".split(","))
        formatted = f"{sign}{digits}{point}{rest}"
    return formatted[:-1] + SPANISH_GROUP + "%" if formatted.endswith("%") else formatted


class _Formatter(string.Formatter):
    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def format_field(self, value, format_spec: str) -> str:
        return number(value, format_spec, self.lang) if format_spec else super().format_field(value, format_spec)


def text(key: str, lang: str = "en", **values) -> str:
    template = DYNAMIC_TEXT.get(lang, DYNAMIC_TEXT["en"])[key]
    return fill(template, lang, **values) if values else template


def fill(template: str, lang: str, **values) -> str:
    """`template` with its {fields} filled, numbers written the reader's way."""
    return _Formatter(lang).format(template, **values) if lang == "es" else template.format(**values)
