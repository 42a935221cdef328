"""One text catalogue per tab, in English and Spanish (`UI` and `DYNAMIC`), merged by demo.i18n; common.py
holds the page's own words and those of the widgets the tabs share."""
