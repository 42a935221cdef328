"""The model module of the Generative Models Lab: data, models, training and analysis.

It never imports gradio. The UI talks to it only through `lab.api` (one module per tab, mirroring
`demo/tabs/`), whose functions take and return plain values, numpy arrays and PIL images; the shipped
models load once per process in `lab.shipped`, below the facade. `tests/test_boundaries.py` enforces both.
"""
