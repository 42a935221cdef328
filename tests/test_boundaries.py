"""The house rule: lab/ never imports gradio, demo/ never imports torch (it goes through lab.api)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# The benchmark measures the UI's handlers end to end, so it may reach into demo/ (and so gradio).
EXEMPT = {ROOT / "lab" / "bench.py"}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_lab_never_imports_gradio():
    offenders = [p for p in (ROOT / "lab").rglob("*.py") if p not in EXEMPT and "gradio" in imported_modules(p)]
    assert offenders == []


def test_demo_never_imports_torch():
    offenders = [p for p in (ROOT / "demo").rglob("*.py") if imported_modules(p) & {"torch", "torchvision"}]
    assert offenders == []
