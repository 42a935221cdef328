"""Analyses over the shipped models and data: thin functions over scikit-learn, plain arrays out."""
