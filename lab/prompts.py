"""Text to a class, the lab's stand-in for a text encoder (lecture: text-to-image conditioning, the last slide).

A text-to-image model conditions its denoiser on vectors a learned text encoder makes of the prompt. The lab's
denoisers were trained on class labels, so a prompt reaches them through this lookup: the first word (English
or Spanish) that names a class picks that class's learned embedding; a prompt that names none gets the empty
prompt ∅, the "no class" embedding that classifier-free guidance trained. What the denoiser does with the
vector is the same either way.
"""
from __future__ import annotations

import re
import unicodedata

PROMPT_CHARACTERS = 200   # a prompt is read up to here

# Per dataset, per class index: the words that name it (lower case, accents removed), English and Spanish.
CLASS_WORDS = {
    "mnist": (("0", "zero", "cero"), ("1", "one", "uno"), ("2", "two", "dos"), ("3", "three", "tres"),
              ("4", "four", "cuatro"), ("5", "five", "cinco"), ("6", "six", "seis"), ("7", "seven", "siete"),
              ("8", "eight", "ocho"), ("9", "nine", "nueve")),
    "fashion": (("t-shirt", "tshirt", "top", "camiseta", "polera", "remera"),
                ("trouser", "trousers", "pants", "jeans", "pantalon", "pantalones"),
                ("pullover", "sweater", "jumper", "jersey", "sueter", "chaleco"),
                ("dress", "vestido"), ("coat", "jacket", "abrigo", "chaqueta", "parka"),
                ("sandal", "sandals", "sandalia", "sandalias"), ("shirt", "camisa", "blusa"),
                ("sneaker", "sneakers", "trainer", "trainers", "zapatilla", "zapatillas"),
                ("bag", "handbag", "bolso", "cartera", "mochila"),
                ("boot", "boots", "bota", "botas", "botin", "botines")),
}


def _words(prompt: str) -> list[str]:
    plain = unicodedata.normalize("NFKD", str(prompt)[:PROMPT_CHARACTERS].lower())
    plain = "".join(character for character in plain if not unicodedata.combining(character))
    return re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)?", plain)


def label_from_prompt(dataset: str, prompt: str) -> tuple[int | None, str | None]:
    """(class index, the word that named it) for the first word of `prompt` that names a class of `dataset`;
    (None, None) when none does (the sampler then uses the empty prompt, "no class")."""
    lookup = {word: label for label, words in enumerate(CLASS_WORDS[dataset]) for word in words}
    for word in _words(prompt):
        if word in lookup:
            return lookup[word], word
    return None, None
