"""The model module of the Generative Models Lab: data, models, training and analysis.

It never imports gradio. The UI talks to it only through `lab.api`, whose functions take and return plain
values, numpy arrays, PIL images and plotly figures.
"""
