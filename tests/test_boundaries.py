"""The house rules, read from the import statements of every file:

- `lab/` never imports gradio or `demo`; nothing under `lab/` (outside `lab/api/`) imports `lab.api`, and no
  `lab.api` tab module imports another: the facade stands on top of the models, not among them;
- `demo/` never imports torch, and of `lab` only `lab.api…`;
- no tab module imports another tab module (shared widgets live in `demo/components.py`);
- the benchmark and the entry point stand above both worlds.
"""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, fully dotted (`from a.b import c` gives a.b and a.b.c)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names |= {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def offenders(folder: str, forbidden) -> dict[str, list[str]]:
    found = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        bad = sorted(name for name in imported_modules(path) if forbidden(path, name))
        if bad:
            found[str(path.relative_to(ROOT))] = bad
    return found


def top(name: str) -> str:
    return name.split(".")[0]


def test_lab_never_imports_gradio_or_demo():
    assert offenders("lab", lambda path, name: top(name) in {"gradio", "demo", "bench", "app"}) == {}


def test_nothing_in_lab_imports_the_facade():
    def reaches_api(path: Path, name: str) -> bool:
        facade_module = path.parent == ROOT / "lab" / "api"
        if facade_module:   # a tab's facade may use the shared names in lab/api/__init__, not another tab's
            return name.startswith("lab.api.") and name.split(".")[2] != path.stem and \
                name.split(".")[2][0] != "_" and (ROOT / "lab" / "api" / f"{name.split('.')[2]}.py").exists()
        return name == "lab.api" or name.startswith("lab.api.")
    assert offenders("lab", reaches_api) == {}


def test_demo_never_imports_torch_and_reaches_lab_only_through_the_facade():
    def forbidden(path: Path, name: str) -> bool:
        if top(name) in {"torch", "torchvision"}:
            return True
        # `from lab import api` names the package "lab" too; `from lab import shipped` is caught as lab.shipped
        return top(name) == "lab" and name != "lab" and not (name == "lab.api" or name.startswith("lab.api."))
    assert offenders("demo", forbidden) == {}


def test_no_tab_imports_another_tab():
    def other_tab(path: Path, name: str) -> bool:
        return name.startswith("demo.tabs.") and name.split(".")[2] != path.stem
    assert offenders("demo/tabs", other_tab) == {}


def test_each_demo_tab_has_its_facade_module():
    tabs = {path.stem for path in (ROOT / "demo" / "tabs").glob("*.py")} - {"__init__"}
    facades = {path.stem for path in (ROOT / "lab" / "api").glob("*.py")} - {"__init__"}
    assert tabs == facades


def test_files_and_functions_stay_small_enough_to_read():
    """No code file over 400 lines (text catalogues aside), no function over 60 (tabs' layout code aside)."""
    long_files, long_functions = [], []
    for path in [*ROOT.glob("*.py"), *(ROOT / "lab").rglob("*.py"), *(ROOT / "demo").rglob("*.py")]:
        source = path.read_text()
        if len(source.splitlines()) > 400 and path.parent.name != "texts":
            long_files.append(path.name)
        for node in ast.walk(ast.parse(source)):
            layout = path.parent.name == "tabs" and node.__dict__.get("name") == "build"
            if isinstance(node, ast.FunctionDef) and not layout and node.end_lineno - node.lineno >= 60:
                long_functions.append(f"{path.name}:{node.name}")
    assert long_files == [] and long_functions == []
