"""The API an instructor scripts: a dozen named endpoints with descriptions, the rest off the API page, and
three of them called through gradio_client against the running app."""
import ssl

import numpy as np
from PIL import Image

from demo.public_api import NAMED


def test_the_api_page_lists_the_named_endpoints_only(app_url):
    from gradio_client import Client

    listed = Client(app_url, verbose=False).view_api(return_format="dict", print_info=False)["named_endpoints"]
    assert set(listed) == {f"/{name}" for name, _ in NAMED.values()}
    assert all(info["description"] for info in listed.values())


def test_three_named_endpoints_answer_a_script(app_url, tmp_path, seven):
    from gradio_client import Client, handle_file

    lab = Client(app_url, verbose=False, ssl_verify=ssl.create_default_context())   # as the README shows
    *_, summary = lab.predict("blobs", 4, "k-means++", 0, None, api_name="/kmeans")
    assert "Inertia" in summary

    Image.fromarray(seven).save(tmp_path / "seven.png")
    drawing = {"background": None, "layers": [], "composite": handle_file(str(tmp_path / "seven.png"))}
    outputs = lab.predict(drawing, "mnist", "vae16", None, api_name="/encode_drawing")
    assert outputs[1].endswith(".png")   # lossless on a digit's pixel edges
    reconstruction = np.asarray(Image.open(outputs[1]).convert("L"))
    assert reconstruction.max() > 128 and "ELBO" in " ".join(str(output) for output in outputs)

    grid, caption, _, distances = lab.predict("mnist", 3, 3.0, "dpm++", 20, 0, api_name="/diffusion_grid")
    pixels = np.asarray(Image.open(grid).convert("L"))
    assert pixels.mean() > 10 and "20" in caption and "this grid" in distances
