"""The text catalogues: every key in English and Spanish with the same placeholders, no key defined twice
(in one file or across files), and every key the code asks for defined."""
import ast
import string
import types
from pathlib import Path

import pytest

from demo import i18n

DEMO = Path(__file__).resolve().parent.parent / "demo"
CATALOGUES = sorted((DEMO / "texts").glob("*.py"))
LABEL_KEY_WIDGETS = ("dataset_radio",)   # demo.components functions whose 2nd argument is a text key


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field}


@pytest.mark.parametrize("path", [p for p in CATALOGUES if p.stem != "__init__"], ids=lambda p: p.stem)
def test_each_catalogue_says_everything_in_both_languages(path):
    module = i18n.importlib.import_module(f"demo.texts.{path.stem}")
    for table in ("UI", "DYNAMIC"):
        english, spanish = getattr(module, table)["en"], getattr(module, table)["es"]
        assert set(english) == set(spanish), f"{table}: en-only {set(english) - set(spanish)}, " \
                                             f"es-only {set(spanish) - set(english)}"
        for key in english:
            assert placeholders(english[key]) == placeholders(spanish[key]), key


def test_no_dict_literal_repeats_a_key():
    # Python keeps the last of two equal keys in a literal without a word: read the source instead.
    for path in CATALOGUES + [DEMO / "i18n.py"]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Dict):
                keys = [key.value for key in node.keys if isinstance(key, ast.Constant)]
                assert len(keys) == len(set(keys)), f"{path.name}: {sorted(k for k in keys if keys.count(k) > 1)}"


def test_merging_refuses_a_key_defined_in_two_catalogues():
    first = types.SimpleNamespace(__name__="first", UI={"en": {"title": "A"}, "es": {"title": "A"}})
    second = types.SimpleNamespace(__name__="second", UI={"en": {"title": "B"}, "es": {"title": "B"}})
    with pytest.raises(ValueError, match="'title'.*first.*second"):
        i18n.merge([first, second], "UI")


def keys_asked_for() -> tuple[dict, dict, set]:
    """(UI keys, DYNAMIC keys, f-string prefixes) the code asks for, each with a file that asks."""
    ui, dynamic, prefixes = {}, {}, set()
    for path in DEMO.rglob("*.py"):
        if "texts" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else None
            first = node.args[0]
            if isinstance(first, ast.JoinedStr) and name == "text":
                prefixes.add(first.values[0].value)
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                # the shared widgets that take (i18n, "label key", ...)
                if name in LABEL_KEY_WIDGETS and len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                    ui[node.args[1].value] = path.name
                continue
            if name in ("i18n", "I18N"):
                ui[first.value] = path.name
            elif name == "text":
                dynamic[first.value] = path.name
    return ui, dynamic, prefixes


def test_every_key_the_code_asks_for_is_defined():
    ui, dynamic, prefixes = keys_asked_for()
    assert len(ui) > 100 and len(dynamic) > 50   # the scan really reads the tabs
    assert {key: where for key, where in ui.items() if key not in i18n.UI_TEXT["en"]} == {}
    assert {key: where for key, where in dynamic.items() if key not in i18n.DYNAMIC_TEXT["en"]} == {}
    for prefix in prefixes:
        assert any(key.startswith(prefix) for key in i18n.DYNAMIC_TEXT["en"]), prefix


def test_every_choice_a_tab_offers_has_a_label_in_both_languages():
    from demo.components import choice_key
    from demo.tabs import outliers
    from lab.api.bayes import BAYES_SETS, CLASS_DENSITIES
    from lab.api.densities import COVARIANCES, SOURCE_NAMES
    from lab.api.kmeans import INITS

    offered = [*BAYES_SETS, *CLASS_DENSITIES, *COVARIANCES, *SOURCE_NAMES, *INITS, *outliers.SOURCES,
               "cosine", "linear", "slerp"]
    for language in ("en", "es"):
        assert [value for value in offered if choice_key(value) not in i18n.UI_TEXT[language]] == []
