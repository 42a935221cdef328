"""Bad input through the public API, as a script or a stale page would send it (part of `python -m bench`).

    python -m bench --only fuzz

Every endpoint the app exposes (one per handler: Gradio repeats a handler under `_1`, `_2`… for each event
it serves) is called through `gradio_client` with its defaults, except one parameter at a time set to a bad
value: NaN, ±inf, huge, negative, None, a wrong type, a nonsense choice, and for images a file that is not
one, an empty file, 1x1, a declared 20000x20000, 16-bit and 2-channel. Each answer is one of:

- refused with a message (a `gr.Error` the visitor can read): fine;
- a result: fine, unless it holds NaN or infinity, or an image that is entirely black ("silent wrong");
- Gradio's generic "the upstream app raised an exception" or no message at all ("opaque");
- nothing within 60 s ("hang").
"""
from __future__ import annotations

import math
import os
import re
import secrets
import struct
import tempfile
import zlib
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path

import numpy as np
from PIL import Image

HANG_S = 60.0
OPAQUE = "upstream Gradio app has raised an exception"
NUMBER_CASES = [math.nan, math.inf, -math.inf, -1e300, 2**70, "x", None]
CHOICE_CASES = ["nonsense", None, 12]
TEXT_CASES = [None, 12]


def bad_files() -> dict[str, str]:
    """Files a sketchpad never sends, written once: not an image, empty, 1x1, a PNG whose header declares
    20000x20000 (a decompression bomb, in 100 bytes), 16-bit grey, and grey + alpha (2 channels)."""
    folder = Path(tempfile.mkdtemp(prefix="lab-fuzz-"))
    (folder / "not-an-image.png").write_bytes(b"this is not a picture")
    (folder / "empty.png").write_bytes(b"")
    Image.new("L", (1, 1)).save(folder / "one-pixel.png")
    (folder / "declared-20000.png").write_bytes(declared_png(20000, 20000))
    Image.fromarray((np.arange(28 * 28, dtype=np.uint16) * 80).reshape(28, 28)).save(folder / "16-bit.png")
    Image.new("LA", (28, 28), (255, 128)).save(folder / "two-channel.png")
    return {path.name: str(path) for path in sorted(folder.iterdir())}


def declared_png(width: int, height: int) -> bytes:
    """A valid PNG header declaring width x height 8-bit grey pixels, followed by almost no data."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) + \
        chunk(b"IEND", b"")


def cases_for(parameter: dict, files: dict[str, str]) -> list:
    """The bad values tried for one API parameter, by its component."""
    from gradio_client import handle_file

    component = parameter["component"].lower()
    if component in ("slider", "number"):
        return NUMBER_CASES
    if component in ("dropdown", "radio"):
        return CHOICE_CASES
    if component in ("image", "imageeditor", "sketchpad"):
        images = [handle_file(path) for path in files.values()]
        if component == "image":
            return [None, *images]
        return [None, *({"background": None, "layers": [], "composite": image} for image in images)]
    return TEXT_CASES


def endpoints(client) -> dict[str, dict]:
    """One endpoint per handler: '/run_kmeans', not also '/run_kmeans_1' … (the same function again); the
    undocumented ones too (off the API page, but a script can call them)."""
    import httpx

    named = httpx.get(client.src_prefixed + "info", params={"all_endpoints": "True", "serialize": "False"},
                      timeout=30).json()["named_endpoints"]
    chosen = {}
    for name, info in named.items():
        chosen.setdefault(handler_key(name), (name, info))
    return dict(chosen.values())


def handler_key(api_name: str) -> str:
    """'/run_kmeans_2' -> 'run_kmeans': the name without Gradio's repeat number."""
    return re.sub(r"_\d+$", "", api_name.strip("/"))


def classify(client, api_name: str, arguments: list) -> tuple[str, str]:
    """('refused', 'ok', 'silent', 'opaque' or 'hang'; the message a refusal carried) for one call."""
    job = client.submit(*arguments, api_name=api_name)
    try:
        result = job.result(timeout=HANG_S)
    except FutureTimeout:
        job.cancel()
        return "hang", ""
    except Exception as error:   # noqa: BLE001 - gradio_client raises AppError and friends
        message = str(error)
        return ("opaque" if not message.strip() or OPAQUE in message else "refused"), message
    return ("silent" if silently_wrong(result) else "ok"), ""


def silently_wrong(result) -> bool:
    """NaN or infinity anywhere in a result, or an all-black image among its files."""
    if isinstance(result, float):
        return not math.isfinite(result)
    if isinstance(result, str):
        if re.search(r"\b(nan|inf)\b", result, re.IGNORECASE):
            return True
        return result.endswith((".png", ".webp", ".jpg")) and Path(result).exists() and _black(result)
    if isinstance(result, dict):
        return any(silently_wrong(value) for value in result.values())
    if isinstance(result, (list, tuple)):
        return any(silently_wrong(value) for value in result)
    return False


def _black(path: str) -> bool:
    with Image.open(path) as image:
        return np.asarray(image.convert("L")).max() == 0


def fuzz(url: str, only: set[str] | None = None) -> dict:
    """Every endpoint (or those named in `only`, without the slash) with every bad value: counts per verdict,
    the cases that were not fine, and the distinct messages of the refusals."""
    from gradio_client import Client

    client, files = Client(url, verbose=False), bad_files()
    counts = {"refused": 0, "ok": 0, "silent": 0, "opaque": 0, "hang": 0}
    failures, messages, endpoint_count = [], set(), 0
    for api_name, info in endpoints(client).items():
        if only is not None and handler_key(api_name) not in only:
            continue
        parameters = info["parameters"]
        if not parameters:
            continue
        endpoint_count += 1
        defaults = [parameter.get("parameter_default") for parameter in parameters]
        for position, parameter in enumerate(parameters):
            for bad in cases_for(parameter, files):
                arguments = list(defaults)
                arguments[position] = bad
                verdict, message = classify(client, api_name, arguments)
                counts[verdict] += 1
                messages.add(message)
                if verdict in ("silent", "opaque", "hang"):
                    failures.append((verdict, api_name, parameter["parameter_name"], repr(bad)[:40]))
    return {"counts": counts, "endpoints": endpoint_count, "failures": failures, "messages": messages - {""}}


def bench_fuzz() -> dict:
    """The fuzz figures against `python app.py` on a free port."""
    from bench_browser import running_app

    key = secrets.token_urlsafe(16)
    os.environ["LAB_LECTURER_KEY"] = key   # the app inherits it: its lecturer endpoints are live to attack
    try:
        with running_app() as (url, _, _):
            report, room, sandbox = fuzz(url), room_fuzz(url, key), sandbox_fuzz(url)
    finally:
        del os.environ["LAB_LECTURER_KEY"]
    for failure in report["failures"]:
        print("fuzz:", *failure)
    counts = report["counts"]
    return {"fuzz_opaque_errors": float(counts["opaque"] + room["opaque"]),
            "fuzz_silent_wrong": float(counts["silent"]), "fuzz_hangs": float(counts["hang"]), "fuzz_cases": float(sum(counts.values())),
            "fuzz_endpoints": float(report["endpoints"]), "fuzz_room_cases": float(room["cases"]),
            "fuzz_room_accepted": float(room["accepted"]), "fuzz_room_counts_changed": float(room["counts_changed"]),
            "fuzz_room_serving_after": float(room["serving"]), "fuzz_sandbox_cases": float(sandbox["cases"]),
            "fuzz_sandbox_accepted": float(sandbox["accepted"]), "fuzz_sandbox_opaque": float(sandbox["opaque"]),
            "fuzz_sandbox_serving_after": float(sandbox["serving"])}


def room_fuzz(url: str, key: str) -> dict:
    """A lecture room attacked through the public API: lecturer calls without the key or with a wrong one,
    votes for unknown rooms, steps and options, forged, replayed and flooded votes, and guessed room codes.
    Each must be refused with a message, leave the room's counts as they were, and leave the app serving.
    Returns {'cases', 'accepted' (wrongly), 'opaque', 'counts_changed', 'serving'}."""
    from gradio_client import Client

    lecturer, student = Client(url, verbose=False), Client(url, verbose=False)
    code = lecturer.predict(key, api_name="/lecturer_open_room")
    voter = student.predict(code, None, api_name="/lesson_join")[0]
    progress = student.predict(code, None, api_name="/sync_room")[5]
    student.predict(progress, 1, code, voter, True, api_name="/lesson_answer")   # the one real vote

    def counts() -> str:
        return lecturer.predict(key, code, api_name="/room_bars")

    before = counts()
    forged = {**voter, "token": voter["token"][:-4] + "0000"}
    elsewhere = {"lesson": 4, "step": 2, "answers": {}}
    cases = [("/lecturer_open_room", [None]), ("/lecturer_open_room", ["wrong key"]),
             ("/lecturer_show_step", [None, code, elsewhere]), ("/lecturer_show_step", ["", code, elsewhere]),
             ("/lecturer_reveal", ["wrong key", code, progress]),
             ("/lesson_answer", [progress, 0, "NOROOM", voter, True]),
             ("/lesson_answer", [progress, 0, code, forged, True]),
             ("/lesson_answer", [progress, 0, code, {"code": code, "token": "made.up.token"}, True]),
             ("/lesson_answer", [elsewhere, 0, code, voter, True]),
             ("/lesson_answer", [progress, 9, code, voter, True]),
             ("/lesson_answer", [progress, -1, code, voter, True])]
    cases += [("/lesson_answer", [progress, 1, code, voter, True])] * 31             # a flood: one counts
    cases += [("/lesson_join", [guess, None]) for guess in ("AAAAAA", "BBBBBB", "CCCCCC", "ZZZZZZ", "234567",
                                                              "QWERTY", "ASDFGH", "ZXCVBN", "MNBVCX", "POIUYT",
                                                              code)]   # the right code after 10 misses too
    verdicts = [classify(student, api_name, arguments) for api_name, arguments in cases]
    flood = range(11, 42)   # its first votes replay the real one (fine: it counts once), the rest refused
    accepted = sum(verdict != "refused" for i, (verdict, _) in enumerate(verdicts) if i not in flood)
    return {"cases": len(cases), "accepted": accepted, "flood_refused": sum(verdicts[i][0] == "refused" for i in flood),
            "opaque": sum(verdict == "opaque" for verdict, _ in verdicts), "counts_changed": counts() != before,
            "serving": bool(lecturer.predict("blobs", 3, "k-means++", 0, None, api_name="/kmeans"))}


def sandbox_fuzz(url: str) -> dict:
    """The 2-D sandbox's bad points through the public API: an empty and a one-dot drawing, 10^6 points asked
    for, files with NaN or infinite coordinates and with 10^6 rows; then a second training asked for while
    the first runs, as the page asks (its claim, then the run). Each must be refused with a message, and the
    app must serve afterwards. Returns {'cases', 'accepted' (wrongly), 'opaque', 'serving'}."""
    from gradio_client import Client, handle_file

    client, folder = Client(url, verbose=False), Path(tempfile.mkdtemp(prefix="sandbox-fuzz-"))
    rows = "\n".join(f"{x:.4f},{y:.4f}" for x, y in np.random.default_rng(0).normal(size=(3000, 2)))

    def saved(name: str, content) -> dict:
        path = folder / name
        if isinstance(content, str):
            path.write_text(content)
        else:
            Image.fromarray(content).save(path)
        return handle_file(str(path))

    blank = np.full((280, 280, 3), 255, np.uint8)
    dot = blank.copy()
    dot[140, 140] = 0
    cases = [("drawn", 10_000, 0, {"background": None, "layers": [], "composite": saved("blank.png", blank)}, 0.05, None),
             ("drawn", 10_000, 0, {"background": None, "layers": [], "composite": saved("dot.png", dot)}, 0.05, None),
             ("moons", 10**6, 0, None, 0.05, None),
             ("file", 10_000, 0, None, 0.05, saved("nan.csv", rows + "\nnan,1\n")),
             ("file", 10_000, 0, None, 0.05, saved("inf.csv", rows + "\n2,-inf\n")),
             ("file", 10_000, 0, None, 0.05, saved("million.csv", "0.5,0.25\n" * 10**6))]
    verdicts = [classify(client, "/sandbox_points", list(arguments)) for arguments in cases]
    client.predict("moons", 10_000, 0, None, 0.05, None, api_name="/sandbox_points")
    client.predict(api_name="/claim_training")
    running = client.submit(1000, 0, api_name="/sandbox_train")
    verdicts.append(classify(client, "/claim_training", []))   # the second, while the first runs
    running.result(timeout=120)
    return {"cases": len(verdicts), "accepted": sum(verdict != "refused" for verdict, _ in verdicts),
            "opaque": sum(verdict == "opaque" for verdict, _ in verdicts),
            "serving": bool(client.predict("blobs", 3, "k-means++", 0, None, api_name="/kmeans"))}
