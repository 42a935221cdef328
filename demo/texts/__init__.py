"""Per-tab text for the newer tabs, in English and Spanish: `UI` (static labels, Gradio's I18n) and
`DYNAMIC` (text handlers compute), merged into demo.i18n so that each tab's words sit in one small file."""
