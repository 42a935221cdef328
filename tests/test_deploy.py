"""deploy.py uploads what the Space needs and nothing the Hub would refuse (the copy that runs every handler
from the upload set alone is in test_zerogpu.py)."""
import pathlib

from deploy import HUB_FILE_LIMIT_BYTES, main, problems, upload_set

ROOT = pathlib.Path(__file__).resolve().parents[1]


def test_the_upload_set_holds_the_app_its_models_and_its_configuration_and_no_development_files():
    paths = set(upload_set())
    assert {"app.py", "README.md", "requirements.txt", "packages.txt", "docs/screenshot.png"} <= paths
    for folder in ("lab", "demo", "checkpoints"):
        on_disk = {str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*")
                   if p.is_file() and "__pycache__" not in p.parts}
        assert on_disk <= paths, sorted(on_disk - paths)[:5]   # nothing untracked that the app would read
    assert not [p for p in paths if p.startswith(("tests/", ".ci/", ".venv/")) or p.startswith("bench")]


def test_every_uploaded_file_is_on_disk_and_under_the_hub_s_limit():
    assert problems(upload_set()) == []
    assert max((ROOT / p).stat().st_size for p in upload_set()) < HUB_FILE_LIMIT_BYTES


def test_a_dry_run_lists_and_checks_without_a_network(capsys):
    assert main(["someone/generative-models-lab", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "checkpoints/mnist-vae16/model.safetensors" in out and "tests/" not in out
