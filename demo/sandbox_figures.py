"""The 2-D sandbox's figures: plain numbers in, plotly figures out (no torch). The reverse process is a
plotly animation: every frame is in the figure, and ▶ plays it in the browser, at no cost to the server.

Gradio's Plot draws a figure with `Plotly.react(data, layout)` and drops its frames, so the frames travel in
`layout.meta.frames`, and ANIMATION_JS (run once per page) hands them to plotly the moment a visitor presses
▶ or grabs the slider, before plotly's own handler looks for them."""
from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from demo.plots import ACCENT, SECOND, figure

SQUARE = {"scaleanchor": "x", "scaleratio": 1}   # one unit as long on both axes: shapes as drawn
SQUARE_X = {"constrain": "domain"}                # the plot narrows to keep it, rather than its x range growing
GREY = "rgba(60,60,60,0.35)"
SAMPLER_NAMES = {"ddpm": "DDPM", "ddim": "DDIM", "dpm++": "DPM-Solver++", "flow": "Flow matching"}


ANIMATION_JS = """
() => {
  const loadFrames = (event) => {
    const plot = event.target.closest?.(".js-plotly-plot");
    const frames = plot?.layout?.meta?.frames;
    if (!frames || plot.loadedFrames === frames || !window.Plotly) return;
    if (!event.target.closest(".updatemenu-container, .slider-container")) return;
    window.Plotly.deleteFrames(plot);
    window.Plotly.addFrames(plot, frames);
    plot.loadedFrames = frames;
  };
  for (const kind of ["mousedown", "touchstart", "click"]) document.addEventListener(kind, loadFrames, true);
}
"""


def _points(points, color: str = GREY, size: int = 3, kind: str = "scattergl", **extra) -> dict:
    return {"type": kind, "x": np.round(points[:, 0], 2).tolist(), "y": np.round(points[:, 1], 2).tolist(),
            "mode": "markers", "marker": {"size": size, "color": color}, "hoverinfo": "skip", **extra}


def points_figure(points, title: str) -> go.Figure:
    return figure([_points(points[:5000])], title, height=330, xaxis=SQUARE_X, yaxis=SQUARE)


def loss_figure(curves: dict[str, dict], title: str, x_title: str) -> go.Figure:
    """{'diffusion'|'flow': {'steps', 'loss'}} -> the two training curves."""
    colors = {"diffusion": ACCENT, "flow": SECOND}
    data = [{"type": "scatter", "x": curve["steps"], "y": curve["loss"], "mode": "lines", "name": name,
             "line": {"color": colors[name]}} for name, curve in curves.items()]
    return figure(data, title, height=260, showlegend=True, xaxis={"title": x_title}, yaxis={"type": "log"})


def arrows_trace(arrows: dict, box_size: float) -> dict:
    """Arrows as line segments, scaled so the longest is 0.8 of a grid cell; a dot marks each tail."""
    lengths = np.hypot(arrows["u"], arrows["v"])
    scale = 0.8 * box_size / max(float(lengths.max()), 1e-9)
    xs, ys = [], []
    for x, y, u, v in zip(arrows["x"], arrows["y"], arrows["u"] * scale, arrows["v"] * scale):
        xs += [round(float(x), 3), round(float(x + u), 3), None]
        ys += [round(float(y), 3), round(float(y + v), 3), None]
    return {"type": "scatter", "x": xs, "y": ys, "mode": "lines", "line": {"color": "#dc2626", "width": 1.5},
            "hoverinfo": "skip"}


def forward_figure(cloud, arrows: dict | None, box_size: float, title: str, box) -> go.Figure:
    """x_t as points, with the learned field's arrows on top when given."""
    data = [_points(cloud, ACCENT, 3)] + ([arrows_trace(arrows, box_size)] if arrows else [])
    return figure(data, title, height=360, xaxis={"range": [box[0][0], box[1][0]], **SQUARE_X},
                  yaxis={"range": [box[0][1], box[1][1]], **SQUARE})


def schedule_figure(curves: dict, t: float, names: dict[str, str], title: str) -> go.Figure:
    """√ᾱ(t) and σ(t) of the diffusion, 1 − t and t of the flow, and a line at the current t."""
    lines = [("signal", ACCENT, "solid"), ("noise", SECOND, "solid"), ("flow_signal", ACCENT, "dot"),
             ("flow_noise", SECOND, "dot")]
    data = [{"type": "scatter", "x": curves["t"], "y": curves[key], "mode": "lines", "name": names[key],
             "line": {"color": color, "dash": dash}} for key, color, dash in lines]
    return figure(data, title, height=360, showlegend=True, legend={"orientation": "h", "y": -0.25},
                  xaxis={"title": "t"}, shapes=[{"type": "line", "x0": t, "x1": t, "y0": 0, "y1": 1,
                                                 "line": {"color": "#111", "dash": "dash"}}])


def flow_animation(reverse: dict, title: str, play: str, box) -> go.Figure:
    """Particles from noise (t = 1) to samples (t = 0), one frame per recorded step, with the paths of a few
    of them drawn whole underneath; ▶ and the slider run in the browser."""
    paths = reverse["paths"]          # (steps + 1, P, 2)
    xs = [value for i in range(paths.shape[1]) for value in [*np.round(paths[:, i, 0], 3).tolist(), None]]
    ys = [value for i in range(paths.shape[1]) for value in [*np.round(paths[:, i, 1], 3).tolist(), None]]
    path_trace = {"type": "scatter", "x": xs, "y": ys, "mode": "lines", "hoverinfo": "skip",
                  "line": {"color": "rgba(220,38,38,0.35)", "width": 1}}
    # SVG, not WebGL, for the animated trace: plotly animates an SVG scatter point by point.
    frames = [{"name": f"{t:.2f}", "data": [_points(frame, ACCENT, 3, "scatter")], "traces": [1]}
              for frame, t in zip(reverse["frames"], reverse["times"])]
    steps = [{"method": "animate", "label": frame["name"],
              "args": [[frame["name"]], {"mode": "immediate", "frame": {"duration": 0, "redraw": True}}]}
             for frame in frames]
    layout = {"xaxis": {"range": [box[0][0], box[1][0]], **SQUARE_X},
              "yaxis": {"range": [box[0][1], box[1][1]], **SQUARE},
              "updatemenus": [{"type": "buttons", "showactive": False, "x": 0, "y": -0.12, "xanchor": "left",
                               "buttons": [{"label": play, "method": "animate", "args": [None, {
                                   "frame": {"duration": 120, "redraw": True}, "fromcurrent": True}]}]}],
              "sliders": [{"steps": steps, "active": 0, "x": 0.12, "len": 0.88, "y": -0.05,
                           "currentvalue": {"prefix": "t = "}}]}
    return figure([path_trace, _points(reverse["frames"][0], ACCENT, 3, "scatter")], title, height=460,
                  meta={"frames": frames}, **layout)


def samplers_figure(results: dict, held_out, title_of, box) -> go.Figure:
    """One panel per sampler, its samples over the held-out points, all over the same `box` (low, high), so a
    sampler's stray points leave its panel rather than shrink it; `title_of(sampler, result)` names it."""
    data, layout, width = [], {}, 1 / len(results)
    for index, (sampler, result) in enumerate(results.items()):
        suffix = "" if index == 0 else str(index + 1)
        axes = {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}
        data += [_points(held_out[:2000], "rgba(60,60,60,0.2)", 3, **axes),
                 _points(result["samples"], ACCENT, 3, **axes)]
        layout[f"xaxis{suffix}"] = {"domain": [index * width + 0.01, (index + 1) * width - 0.01],
                                    "anchor": f"y{suffix}",
                                    "showticklabels": False, "range": [box[0][0], box[1][0]]}
        layout[f"yaxis{suffix}"] = {"anchor": f"x{suffix}", "showticklabels": False, "range": [box[0][1], box[1][1]]}
    layout["annotations"] = [{"text": title_of(sampler, result), "xref": "paper", "yref": "paper",
                              "showarrow": False, "x": (index + 0.5) * width, "y": 1.08, "font": {"size": 12}}
                             for index, (sampler, result) in enumerate(results.items())]
    return figure(data, "", height=300, **layout)


def steps_figure(results: dict, names: dict[str, str], good_enough: float, title: str, x_title: str) -> go.Figure:
    """The MMD ratio against the number of steps, one line per model, and the 'matches the data' line."""
    colors = {"diffusion": ACCENT, "flow": SECOND}
    data = [{"type": "scatter", "x": result["steps"], "y": result["ratio"], "mode": "lines+markers",
             "name": names[key], "line": {"color": colors[key]}} for key, result in results.items()]
    return figure(data, title, height=300, showlegend=True, xaxis={"type": "log", "title": x_title},
                  yaxis={"type": "log", "title": "MMD ratio"},
                  shapes=[{"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": good_enough, "y1": good_enough,
                           "line": {"color": "#16a34a", "dash": "dash"}}])
