"""Links for slides: `?tab=diffusion&lang=es&dataset=fashion` opens the lab on that tab, in that language,
with that tab's data set chosen, and the page's "link to this tab" button gives the link to what is on
screen (copied, and shown to copy by hand).

All of it runs in the browser, so a link costs the server nothing. The tab ids are those of
`demo.app.TABS`. The language reaches Gradio's labels through its locale (what its footer's Settings
change) and the server's sentences through the Referer header that every request of the page carries
(`demo.i18n.request_language`).
"""
from __future__ import annotations

import gradio as gr

OPEN_LINK_JS = """
() => {
  const params = new URLSearchParams(location.search);
  const lang = params.get("lang"), tab = params.get("tab"), dataset = params.get("dataset");
  // A tab's controls exist once it is shown: its data set radio is chosen when it appears.
  const choose = (triesLeft) => {
    const input = [...document.querySelectorAll(".dataset-choice input[type=radio]")]
      .find((radio) => radio.value === dataset && radio.offsetParent !== null);
    if (input) { if (!input.checked) input.click(); }
    else if (triesLeft > 0) setTimeout(() => choose(triesLeft - 1), 100);
  };
  const pick = (triesLeft) => {
    const button = tab && document.querySelector(`button[data-tab-id="${CSS.escape(tab)}"]`);
    if (button) button.click();
    else if (tab && triesLeft > 0) return setTimeout(() => pick(triesLeft - 1), 100);
    if (dataset === "mnist" || dataset === "fashion") choose(100);
  };
  // Gradio's labels follow its locale store, which its footer's Settings change at run time through the
  // changeLocale export of its core module; the module is already loaded, so import() returns it.
  const core = performance.getEntriesByType("resource").map((entry) => entry.name)
    .find((name) => /\\/assets\\/core-[\\w-]+\\.js$/.test(name));
  if ((lang === "en" || lang === "es") && core) {
    import(core).then((module) => module.changeLocale?.(lang)).catch(() => {}).finally(() => pick(100));
  } else {
    pick(100);
  }
}
"""

LINK_JS = """
() => {
  const url = new URL(location.href);
  const tab = document.querySelector('button[data-tab-id][aria-selected="true"]');
  if (tab) url.searchParams.set("tab", tab.dataset.tabId);
  const dataset = [...document.querySelectorAll(".dataset-choice input[type=radio]:checked")]
    .find((radio) => radio.offsetParent !== null);
  if (dataset) url.searchParams.set("dataset", dataset.value);
  else url.searchParams.delete("dataset");
  const shown = url.searchParams.get("lang");   // the link's language if it set one, else the browser's
  const lang = shown === "en" || shown === "es" ? shown
    : (navigator.language || "en").toLowerCase().startsWith("es") ? "es" : "en";
  url.searchParams.set("lang", lang);
  navigator.clipboard?.writeText(url.toString()).catch(() => {});
  return url.toString();
}
"""


def link_row(i18n) -> None:
    """A small button that gives the link to the current tab in the current language, and where it shows."""
    with gr.Row(equal_height=True):
        button = gr.Button(i18n("link_button"), size="sm", scale=0, min_width=180, elem_id="link_button")
        shown = gr.Textbox(show_label=False, placeholder=i18n("link_placeholder"), interactive=False,
                           max_lines=1, container=False, elem_id="link_shown", scale=4)
    button.click(None, None, shown, js=LINK_JS)


def page_js(*functions: str) -> str:
    """One page-load function running each of `functions` (Gradio's launch takes a single one)."""
    calls = " ".join(f"({function.strip()})();" for function in functions)
    return f"() => {{ {calls} }}"
