"""Issue 34, "every number right": one test per error a careful lecturer caught, the same image's figures
agreeing across the tabs that show them, and numbers in Spanish text written the Spanish way."""
import asyncio
import math
import re

import gradio as gr
import numpy as np
import pytest

from demo.i18n import DYNAMIC_TEXT, UI_TEXT, number, text
from demo.tabs import autoregressive, draw_encode, elbo, kinds, latent_diffusion, latent_explorer
from lab.analysis.decoders import to_levels
from lab.analysis.likelihood import pixelcnn_bits
from lab.examples import example_images_by_index, load_examples
from lab.shipped import get_model, image_batch

SPANISH = gr.Request(headers={"accept-language": "es"})
ENGLISH_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")


def test_draw_and_encode_prints_no_bits_for_the_bernoulli_vae_and_shows_the_autoencoders_l2():
    outputs = draw_encode.encode_current(example_images_by_index("mnist", [0])[0], "mnist", "vae16")
    summary = outputs[6]
    assert not re.search(r"\d\s*bits/dim", summary) and "No bits per dimension" in summary
    error = re.search(r"‖x − x̂‖² = \*\*([\d.]+)\*\*", summary)
    assert error and float(error.group(1)) > 0


def test_the_cost_table_pads_to_whole_patches_and_a_patch_covers_its_channels():
    table = autoregressive.cost_argument({"seconds": 0.784})
    assert "| MNIST | 28x28x1 | 784 |" in table and re.search(r"\| 4 \(", table.split("MNIST")[1].splitlines()[0])
    assert "768 values" in table and "3,145,728" in table and "4,096" in table


def test_the_elbo_tabs_mnist_sections_say_so_when_fashion_is_picked():
    _, _, table = elbo.show_decoders("test", 4, "fashion", "16", "0.15")
    assert table.startswith("*Sections 3 and 4 use mnist VAEs") and "mnist test image 4" in table
    mnist_image = example_images_by_index("mnist", [4])[0]
    shown = float(re.search(r"exact −log p\(x\) of \*\*([\d.]+)\*\*", table).group(1))
    assert shown == pytest.approx(float(_pixelcnn_bits(mnist_image, "mnist")), abs=0.006)
    _, _, steps = elbo.show_training_step("test", 4, "fashion", "16", "0.15", 0)
    assert steps.startswith("*Sections 3 and 4 use mnist VAEs")
    _, _, same = elbo.show_decoders("test", 4, "mnist", "16", "0.15")
    assert not same.startswith("*Sections")


def test_the_elbo_tab_opens_on_the_tightest_sigma_and_explains_a_negative_loss():
    assert elbo.model.DEFAULT_DECODER == "0.15"
    rows = [{"decoder": "0.05", "sigma": 0.05, "reconstruction": -800.0, "kl": 80.0, "nelbo": -720.0, "bits": 1.9,
             "test_kl": 70.0}]
    table = elbo.decoder_table(rows, "0.05", 16, 1.0, "en")
    assert "A negative loss" in table and "7.98" not in table and "8.0 per pixel" in table
    rows[0].update(nelbo=120.0)
    assert "A negative loss" not in elbo.decoder_table(rows, "0.05", 16, 1.0, "en")


def test_the_gap_is_small_or_large_relative_to_log_p():
    _, identity = elbo.show_posterior("test", 0, "mnist")
    gap, log_px = (float(re.search(pattern, identity).group(1))
                   for pattern in (r"\(the gap\) \| \*\*([\d.]+)\*\*", r"log p_θ\(x\), by the grid \| (-?[\d.]+)"))
    share = gap / abs(log_px)
    assert ("small here" in identity) == (share < 0.01) and f"{share:.1%}" in identity


def test_the_derivation_gives_one_log_p_at_every_z_and_q_does_not():
    result = elbo.model.derivation(example_images_by_index("mnist", [0])[0], "mnist", (1.0, -1.0))
    bayes = [point["bayes"] for point in result["points"]]
    with_q = [point["with_q"] for point in result["points"]]
    assert np.ptp(bayes) < 1e-6 and bayes[0] == pytest.approx(result["log_px"])
    assert np.ptp(with_q) > 0.5
    shown = elbo.show_derivation("test", 0, "mnist", 3, 1.0, -1.0)
    assert "**3. Three logs**" in shown and "**4." not in shown and "Line 4 next" in shown
    everything = elbo.show_derivation("test", 0, "mnist", 6, 1.0, -1.0)
    assert "**6. Drop the KL ≥ 0**" in everything and everything.count(f"**{result['log_px']:.2f}**") >= 6


def test_the_autoregressive_tab_says_conditional_generative_and_the_live_gap():
    spanish = DYNAMIC_TEXT["es"]["ar_bayes_why"]
    assert "uno generativo condicional aprende p(x | y)" in spanish
    numbers, _, _ = autoregressive.run_likelihood("mnist", "test", 0)
    gap = float(re.search(r"the best two differ by \*\*([\d.]+) nats\*\*", numbers).group(1))
    result = autoregressive.model.likelihood("mnist", example_images_by_index("mnist", [0])[0])
    assert gap == pytest.approx(float(np.diff(np.sort(result["class_nll"])[:2])[0]), abs=0.06)
    assert "tens or hundreds of nats" not in numbers


def test_pca_sums_k_components():
    for lang in ("en", "es"):
        assert "Σ_{j=1…k}" in UI_TEXT[lang]["pca_intro"] and "j<k" not in UI_TEXT[lang]["pca_intro"]


def test_the_latent_reference_is_an_expectation_not_a_bound():
    for lang, words in (("en", "an expectation, not a bound"), ("es", "una expectativa, no una cota")):
        assert words in DYNAMIC_TEXT[lang]["space_fd_note"]
        row = re.sub(r"\{\w+\}", "", DYNAMIC_TEXT[lang]["space_fd"])   # the words, not the placeholders
        assert "ceiling" not in row and "techo" not in row


def test_the_downstream_task_compares_pixels_with_codes_on_100_labels():
    result = latent_explorer.model.downstream_accuracy("mnist")
    assert result["labelled"] == 100 and result["test"] == 1000
    assert result["accuracy"]["ae16"] > result["accuracy"]["pixels"] > 0.5   # codes learnt without labels help
    assert "| pixels | 784 |" in latent_explorer.show_downstream("mnist")


def test_a_rotated_image_loses_mass_while_the_classifier_stays_sure():
    _, _, note = kinds.show_rotation("test", 1, "mnist")
    result = kinds.model.rotated(example_images_by_index("mnist", [1])[0], "mnist")
    assert result["angles"] == [0, 90, 180, 270] and (result["bits"][1:] > result["bits"][0]).all()
    assert result["confidence"][1:].max() > 0.9 and "least likely turn" in note


# --- the same image, the same figures on every tab -------------------------------------------------------------

def _pixelcnn_bits(image28: np.ndarray, dataset: str) -> float:
    return float(pixelcnn_bits(get_model(dataset, "pixelcnn"), to_levels(image_batch(image28)))[0])


@pytest.mark.parametrize("dataset", ["mnist", "fashion"])
def test_one_image_has_one_nelbo_one_bits_and_one_p_y_given_x_on_every_tab(dataset):
    image = example_images_by_index(dataset, [2])[0]
    truth = _pixelcnn_bits(image, dataset)   # a model normalised over 8-bit images

    encoded = draw_encode.model.encode_drawing(image, dataset, "vae16")
    nelbo, p_y = encoded["elbo"]["total"], np.array(encoded["probabilities"])
    numbers, _, _ = autoregressive.run_likelihood(dataset, "test", 2)
    _, table, taxonomy = kinds.show_image_models("test", 2, dataset)

    # −ELBO: Draw & encode, the Autoregressive tab's VAE row, the taxonomy's VAE leaf.
    assert f"| {nelbo:.1f} |" in numbers and f"−ELBO = {nelbo:.1f} nats" in taxonomy
    # Bits per dimension: the Autoregressive tab, section 2's table, the taxonomy's PixelCNN leaf, the ELBO tab.
    assert f"**{truth:.3f}**" in numbers
    this_row = table.splitlines()[2]
    assert f"| {truth:.3f} |" in this_row and f"−log p(x) = {truth:.2f} bits/dim" in taxonomy
    if dataset == "mnist":
        assert elbo.model.pixelcnn_bits_per_dimension(image, dataset) == pytest.approx(truth, abs=1e-4)
    # p(y|x): Draw & encode's classifier, section 2's row, the Autoregressive tab's verdict.
    best = int(p_y.argmax())
    assert f": {p_y[best]:.2f} |" in this_row
    assert f"({p_y[best]:.1%})." in numbers.split("discriminative classifier says")[1]


def test_every_bits_figure_the_draw_tab_and_the_taxonomy_print_is_on_8_bit_levels():
    """Bits per dimension exist only for models normalised over 8-bit images: the PixelCNN's exact figure and
    the Gaussian VAE's bound on the image's levels. The Bernoulli VAE's −ELBO is printed in nats only."""
    image = example_images_by_index("mnist", [2])[0]
    summary = draw_encode.encode_current(image, "mnist", "vae16")[6]
    assert not re.search(r"[\d.]+\s*bits", summary)
    _, _, taxonomy = kinds.show_image_models("test", 2, "mnist")
    vae_leaf = taxonomy.split("<b>VAE</b>")[1].split("</a>")[0]
    assert re.search(r"Gaussian decoder \(σ = 0\.15\): ≥ [\d.]+ bits/dim", vae_leaf)
    assert not re.search(r"−ELBO = [\d.]+ (bits|nats) ≥ −log p\(x\); ?[\d.]+ bits", vae_leaf)


# --- Spanish -------------------------------------------------------------------------------------------------

def test_spanish_numbers_group_thousands_with_a_space_and_leave_four_digits_whole():
    assert number(2224256, ",", "es") == "2\u00a0224\u00a0256" and number(4000, ",", "es") == "4000"
    assert number(-3782.4, ",.0f", "es") == "-3782" and number(12345.67, ",.1f", "es") == "12\u00a0345.7"
    assert number(0.985, ".1%", "es") == "98.5\u00a0%" and number(2224256, ",", "en") == "2,224,256"
    assert text("downstream_note", "es", labelled=100, test=2000, best="x").count("2000") == 1


def test_spanish_uses_the_lectures_words():
    spanish = " ".join(list(UI_TEXT["es"].values()) + list(DYNAMIC_TEXT["es"].values()))
    assert not re.search(r"verosimilitud", spanish, re.IGNORECASE)
    assert not re.search(r"rejilla|cuadrícula", spanish, re.IGNORECASE)
    assert "dimensiones sin ruido" not in spanish
    assert not ENGLISH_THOUSANDS.search(" ".join(UI_TEXT["es"].values()))


def test_the_english_texts_gloss_the_lectures_spanish():
    english = DYNAMIC_TEXT["en"] | UI_TEXT["en"]
    assert "(\"we cannot integrate over every z\")" in english["elbo_integral_summary"]
    assert "(\"but not common in practice\")" in english["kinds_bayes_numbers"]
    assert "*masa de probabilidad*, probability mass" in english["kinds_density_help"]


def _spanish_page_texts() -> list[tuple[str, str]]:
    """Every Markdown, HTML and Textbox a Spanish visitor's page loads fill, with the handler's name."""
    from demo.app import build_demo
    from demo.classroom import _run_to_end  # noqa: F401 - the same path the warm-up takes
    from gradio.state_holder import SessionState

    demo = build_demo()
    found = []
    for block in [block for block in demo.fns.values() if getattr(block.fn, "__page_load__", False)]:
        inputs = [getattr(component, "value", None) for component in block.inputs]

        async def run():
            state = SessionState(demo)
            output = await demo.process_api(block, inputs, state=state, request=SPANISH)
            while output.get("is_generating"):
                output = await demo.process_api(block, inputs, state=state, request=SPANISH,
                                                iterator=output["iterator"])
            return output
        output = asyncio.run(run())
        for component, value in zip(block.outputs, output["data"]):
            if isinstance(component, (gr.Markdown, gr.HTML, gr.Textbox)):
                value = value.get("value") if isinstance(value, dict) else value
                if isinstance(value, str):   # the words a reader sees, not the tags' styles
                    found.append((block.name, re.sub(r"<[^>]+>", " ", value)))
    return found


def test_every_rendered_spanish_page_writes_numbers_the_spanish_way():
    texts = _spanish_page_texts()
    assert len(texts) > 30   # the scan really reads the tabs' loads
    offending = {name: ENGLISH_THOUSANDS.findall(value) for name, value in texts if ENGLISH_THOUSANDS.search(value)}
    assert offending == {}
    assert any("\u00a0" in value for _, value in texts)   # a grouped Spanish number was rendered somewhere


# --- the last ideas made live ----------------------------------------------------------------------------------

def test_with_pairs_the_decoder_is_a_plain_regression():
    result = elbo.model.trained_on_pairs("mnist")
    assert result["pairs"] == 4000 and result["images"].shape == result["from_pairs"].shape == (8, 28, 28)
    # A linear decoder gets the shape, not the detail: worse than the VAE's network, far better than the mean.
    images = load_examples("mnist", "test").images.numpy()
    mean_error = float(((images - images.mean(0)) ** 2).mean())
    assert result["vae_error"] < result["pairs_error"] < 0.6 * mean_error
    picture, note = elbo.show_pairs("mnist")
    assert picture.ndim == 2 and "4,000 pairs" in note and "closed form" in note


def test_a_prompt_picks_a_class_embedding_or_the_empty_prompt():
    from lab.prompts import label_from_prompt
    assert label_from_prompt("mnist", "Un SIETE inclinado") == (7, "siete")
    assert label_from_prompt("fashion", "una bota de cuero") == (9, "bota")
    assert label_from_prompt("fashion", "a red t-shirt") == (0, "t-shirt")
    assert label_from_prompt("mnist", "una casa") == (None, None)        # "una" is an article, not a one
    assert label_from_prompt("mnist", "x" * 10_000 + " seven") == (None, None)   # read up to 200 characters
    defaults = latent_diffusion.model.DEFAULTS
    settings = (defaults["guidance_scale"], defaults["sampler"], defaults["steps"], 0)
    grid, said = latent_diffusion.text_to_image("mnist", "a seven", *settings)
    assert grid.shape[0] > 300 and "names the class **7**" in said
    _, said = latent_diffusion.text_to_image("mnist", "a house", *settings)
    assert "empty prompt ∅" in said
