"""Put the lab on a Hugging Face Space in one command:

    .venv/bin/python deploy.py <user>/<space>        # needs `hf auth login` (or HF_TOKEN) once

What goes up is what git tracks, less what only development uses (tests, CI, benchmarks): `upload_set`.
It goes through the Hub's upload API (huggingface_hub, which Gradio already installs), which stores the
binary files (the checkpoints' weights, the shipped images) with Xet/LFS by itself, where a plain `git push`
of them may be refused. The Space is created as a Gradio Space if it does not exist yet; the README's front
matter (Python 3.12, the Gradio version) configures it, and on ZeroGPU hardware the app puts its samplers on
the GPU (`lab/device.py`). `--dry-run` lists the files and checks them, without a network.
"""
from __future__ import annotations

import argparse
import fnmatch
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent
DEVELOPMENT_ONLY = (".ci/*", "tests/*", "bench*.py", "deploy.py", "pytest.ini", "requirements-test.txt",
                    ".gitignore")
HUB_FILE_LIMIT_BYTES = 50 * 1000**3   # the Hub's largest file; past 10 MB the upload API uses Xet/LFS


def upload_set(root: pathlib.Path = ROOT) -> list[str]:
    """The repository paths a Space needs: every file git tracks, development-only ones left out."""
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=True).stdout
    paths = [path for path in tracked.decode().split("\0") if path]
    return sorted(path for path in paths if not any(fnmatch.fnmatch(path, pattern) for pattern in DEVELOPMENT_ONLY))


def problems(paths: list[str], root: pathlib.Path = ROOT) -> list[str]:
    """What the Hub would refuse or the Space would miss: files absent on disk (tracked but deleted) or
    past the Hub's limit."""
    found = []
    for path in paths:
        file = root / path
        if not file.is_file():
            found.append(f"{path}: tracked but not on disk")
        elif file.stat().st_size > HUB_FILE_LIMIT_BYTES:
            found.append(f"{path}: {file.stat().st_size} bytes, past the Hub's limit")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("space", help="<user>/<space> on huggingface.co")
    parser.add_argument("--dry-run", action="store_true", help="list and check the files; upload nothing")
    args = parser.parse_args(argv)
    paths = upload_set()
    found = problems(paths)
    size = sum((ROOT / path).stat().st_size for path in paths if (ROOT / path).is_file())
    print(f"{len(paths)} files, {size / 1e6:.1f} MB")
    if found:
        print("\n".join(found), file=sys.stderr)
        return 1
    if args.dry_run:
        print("\n".join(paths))
        return 0
    from huggingface_hub import HfApi   # imported here: a dry run needs no network library

    api = HfApi()
    api.create_repo(args.space, repo_type="space", space_sdk="gradio", exist_ok=True)
    # Files deleted here since the last deploy go there too, in the folders that hold the app.
    commit = api.upload_folder(folder_path=ROOT, repo_id=args.space, repo_type="space", allow_patterns=paths,
                               delete_patterns=["lab/*", "demo/*", "checkpoints/*", "docs/*"],
                               commit_message="Deploy the Generative Models Lab")
    print(f"uploaded: {commit.commit_url}\nthe Space: https://huggingface.co/spaces/{args.space}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
