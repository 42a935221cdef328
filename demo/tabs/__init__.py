"""One module per tab, in the lecture's order; each exposes build(i18n) and module-level handlers."""
