"""Plotly figure builders shared by the tabs: plain numbers in, a figure out (no torch here).

Figures are written as plain dicts and wrapped without plotly's per-property validation: validating three
small figures cost about 60 ms per drawing (measured), more than the models themselves; unvalidated they
cost about 2 ms each. The dicts follow plotly.js's schema, which the browser checks anyway.
"""
from __future__ import annotations

import functools

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

ACCENT = "#4f46e5"
ACCENT_LIGHT = "#c7d2fe"
SECOND = "#f59e0b"


@functools.cache
def _template() -> dict:
    return pio.templates["plotly_white"].to_plotly_json()


def _figure(data: list[dict], title: str, height: int = 260, frames: list[dict] | None = None,
            **layout) -> go.Figure:
    base = {"title": {"text": title, "font": {"size": 14}}, "height": height, "showlegend": False,
            "margin": {"l": 40, "r": 10, "t": 40, "b": 40}, "template": _template()}
    return go.Figure({"data": data, "layout": {**base, **layout}, "frames": frames or []}, _validate=False)


figure = _figure   # for the figure modules of single tabs (demo/sandbox_figures.py)


def probabilities_figure(probabilities: list[float], class_names: list[str], title: str,
                         axis_title: str) -> go.Figure:
    """Bar chart of p(y|x), the most likely class highlighted."""
    best = max(range(len(probabilities)), key=probabilities.__getitem__)
    bars = {"type": "bar", "x": list(class_names), "y": list(probabilities),
            "marker": {"color": [ACCENT if i == best else ACCENT_LIGHT for i in range(len(probabilities))]},
            "text": [f"{p:.0%}" if p >= 0.01 else "" for p in probabilities], "textposition": "outside",
            "cliponaxis": False, "hovertemplate": "%{x}: %{y:.4f}<extra></extra>"}
    return _figure([bars], title, yaxis={"range": [0, 1.18], "title": {"text": axis_title}},
                   xaxis={"type": "category"})


def posterior_figure(mean: list[float], std: list[float], title: str, axis_title: str,
                     prior_label: str) -> go.Figure:
    """μ_j with ±σ_j error bars per latent dimension, over the prior's ±1 band."""
    dims = list(range(1, len(mean) + 1))
    points = {"type": "scatter", "x": dims, "y": list(mean), "mode": "markers",
              "marker": {"size": 9, "color": ACCENT},
              "error_y": {"type": "data", "array": list(std), "color": ACCENT, "thickness": 1.5},
              "hovertemplate": "z%{x}: μ=%{y:.3f}<extra></extra>"}
    prior_band = {"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "y0": -1, "y1": 1,
                  "fillcolor": "#e5e7eb", "opacity": 0.5, "line": {"width": 0}, "layer": "below"}
    label = {"xref": "paper", "x": 0, "y": 1, "text": prior_label, "showarrow": False,
             "xanchor": "left", "yanchor": "bottom", "font": {"size": 11, "color": "#6b7280"}}
    return _figure([points], title, shapes=[prior_band], annotations=[label],
                   xaxis={"title": {"text": axis_title}, "tickmode": "linear", "dtick": 1},
                   yaxis={"title": {"text": "μ ± σ"}, "zeroline": True})


def elbo_figure(reconstruction: float, kl: float, labels: dict[str, str], title: str) -> go.Figure:
    """The negative ELBO as a stacked bar: reconstruction + KL = −ELBO (nats)."""
    def part(value: float, name: str, color: str) -> dict:
        return {"type": "bar", "y": ["−ELBO"], "x": [value], "orientation": "h", "name": name,
                "marker": {"color": color}, "text": [f"{value:.1f}"], "textposition": "inside",
                "hovertemplate": name + ": %{x:.2f}<extra></extra>"}

    return _figure([part(reconstruction, labels["reconstruction"], ACCENT), part(kl, labels["kl"], SECOND)],
                   title, height=170, barmode="stack", showlegend=True,
                   legend={"orientation": "h", "y": -0.35}, xaxis={"title": {"text": "nats"}})


# Ten well-separated colours (Tableau 10), one per class or cluster, in every figure and map.
CLUSTER_COLORS = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
                  "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]


def kmeans_figure(points, assignments, centroid_history, title: str) -> go.Figure:
    """Points coloured by cluster; each centroid's path so far, ending in a large cross."""
    colors = [CLUSTER_COLORS[int(a) % 10] for a in assignments]
    data = [{"type": "scattergl", "x": points[:, 0].tolist(), "y": points[:, 1].tolist(), "mode": "markers",
             "marker": {"color": colors, "size": 6, "opacity": 0.7}, "hoverinfo": "skip"}]
    history = [centroid_history[step] for step in range(len(centroid_history))]
    for cluster in range(len(history[-1])):
        path = [centroids[cluster] for centroids in history]
        data.append({"type": "scatter", "x": [p[0] for p in path], "y": [p[1] for p in path],
                     "mode": "lines+markers", "line": {"color": "black", "width": 1.5},
                     "marker": {"size": [6] * (len(path) - 1) + [18], "symbol": "x",
                                "color": [CLUSTER_COLORS[cluster % 10]] * (len(path) - 1) + ["black"]},
                     "hovertemplate": f"μ{cluster + 1}: (%{{x:.2f}}, %{{y:.2f}})<extra></extra>"})
    return _figure(data, title, height=440, xaxis={"zeroline": False},
                   yaxis={"zeroline": False, "scaleanchor": "x"})


def curve_figure(xs, ys, title: str, x_title: str, y_title: str, highlight: int | None = None) -> go.Figure:
    """A small line chart (inertia per step, or the elbow over k), one point highlighted."""
    data = [{"type": "scatter", "x": list(xs), "y": list(ys), "mode": "lines+markers",
             "line": {"color": ACCENT}, "marker": {"size": 7}}]
    if highlight is not None and highlight in list(xs):
        index = list(xs).index(highlight)
        data.append({"type": "scatter", "x": [xs[index]], "y": [ys[index]], "mode": "markers",
                     "marker": {"size": 14, "color": SECOND}})
    ticks = {"dtick": 1} if len(list(xs)) <= 20 else {}   # whole steps while they fit
    return _figure(data, title, height=240, xaxis={"title": {"text": x_title}, **ticks},
                   yaxis={"title": {"text": y_title}})


def axes_figure(points, mean, components, variances, title: str) -> go.Figure:
    """2-D points with their principal axes drawn from the mean, each 2·√λ long."""
    data = [{"type": "scattergl", "x": points[:, 0].tolist(), "y": points[:, 1].tolist(), "mode": "markers",
             "marker": {"color": ACCENT_LIGHT, "size": 5}, "hoverinfo": "skip"}]
    for index, (direction, variance) in enumerate(zip(components, variances)):
        end = mean + 2 * np.sqrt(variance) * direction
        data.append({"type": "scatter", "x": [mean[0], end[0]], "y": [mean[1], end[1]], "mode": "lines+text",
                     "line": {"color": [ACCENT, SECOND][index], "width": 4},
                     "text": ["", f"u{index + 1}: λ={variance:.2f}"], "textposition": "top center"})
    return _figure(data, title, height=380, yaxis={"scaleanchor": "x"})


def densities_figure(panels: list[dict], points, samples: dict | None, height: int = 360) -> go.Figure:
    """Side-by-side contour maps of several densities over the same points.

    panels: [{'title', 'xs', 'ys', 'density'}]; samples: {title: (k, 2) array} drawn on top, or None."""
    data, layout = [], {}
    width = 1.0 / len(panels)
    for index, panel in enumerate(panels):
        suffix = "" if index == 0 else str(index + 1)
        axes = {"xaxis": f"x{suffix}", "yaxis": f"y{suffix}"}
        data.append({"type": "contour", "x": panel["xs"].tolist(), "y": panel["ys"].tolist(),
                     "z": panel["density"].tolist(), "colorscale": "Blues", "reversescale": True, "showscale": False,
                     "contours": {"coloring": "heatmap"}, "line": {"width": 0.5}, **axes})
        data.append({"type": "scattergl", "x": points[:, 0].tolist(), "y": points[:, 1].tolist(),
                     "mode": "markers", "marker": {"size": 3, "color": "rgba(0,0,0,0.35)"}, **axes})
        if samples is not None:
            drawn = samples[panel["title"]]
            data.append({"type": "scattergl", "x": drawn[:, 0].tolist(), "y": drawn[:, 1].tolist(),
                         "mode": "markers", "marker": {"size": 5, "color": SECOND}, **axes})
        layout[f"xaxis{suffix}"] = {"domain": [index * width + 0.02, (index + 1) * width - 0.02], "anchor": f"y{suffix}"}
        layout[f"yaxis{suffix}"] = {"anchor": f"x{suffix}", "showticklabels": index == 0}
    layout["annotations"] = [{"text": panel["title"], "xref": "paper", "yref": "paper", "showarrow": False,
                              "x": (index + 0.5) * width, "y": 1.06, "font": {"size": 13}}
                             for index, panel in enumerate(panels)]
    return _figure(data, "", height=height, **layout)


def _rgb(color: str) -> np.ndarray:
    return np.array([int(color[i: i + 2], 16) for i in (1, 3, 5)], np.float64)


def blend_classes(probabilities: np.ndarray, size: int) -> np.ndarray:
    """(size², C) class probabilities -> (size, size, 3) uint8 colours mixed by probability (row 0 = lowest y)."""
    palette = np.stack([_rgb(CLUSTER_COLORS[c % 10]) for c in range(probabilities.shape[1])])
    mixed = probabilities @ palette
    return (0.55 * mixed + 0.45 * 255).clip(0, 255).astype(np.uint8).reshape(size, size, 3)  # pastel


def _png_uri(rgb: np.ndarray) -> str:
    import base64
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(rgb[::-1]).save(buffer, format="PNG")   # PNG rows run top-down: the highest y first
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def panels_figure(panels: list[dict], height: int = 360) -> go.Figure:
    """Side-by-side 2-D panels sharing nothing but the figure.

    panels: [{'title', 'traces': [plotly trace dicts], 'image': optional (H, W, 3) uint8 background,
    'extent': (x0, x1, y0, y1) of the image}]."""
    data, layout, images = [], {}, []
    width = 1.0 / len(panels)
    for index, panel in enumerate(panels):
        suffix = "" if index == 0 else str(index + 1)
        for trace in panel["traces"]:
            data.append({**trace, "xaxis": f"x{suffix}", "yaxis": f"y{suffix}"})
        if panel.get("image") is not None:
            x0, x1, y0, y1 = panel["extent"]
            images.append({"source": _png_uri(panel["image"]), "xref": f"x{suffix}", "yref": f"y{suffix}",
                           "x": x0, "y": y1, "sizex": x1 - x0, "sizey": y1 - y0, "sizing": "stretch",
                           "layer": "below"})
            layout[f"xaxis{suffix}"] = {"range": [x0, x1]}
            layout[f"yaxis{suffix}"] = {"range": [y0, y1]}
        layout[f"xaxis{suffix}"] = {**layout.get(f"xaxis{suffix}", {}), "anchor": f"y{suffix}",
                                    "domain": [index * width + 0.02, (index + 1) * width - 0.02],
                                    "zeroline": False, "showgrid": False}
        layout[f"yaxis{suffix}"] = {**layout.get(f"yaxis{suffix}", {}), "anchor": f"x{suffix}",
                                    "zeroline": False, "showgrid": False}
    layout["annotations"] = [{"text": panel["title"], "xref": "paper", "yref": "paper", "showarrow": False,
                              "x": (index + 0.5) * width, "y": 1.01, "yanchor": "bottom", "font": {"size": 13}}
                             for index, panel in enumerate(panels)]
    return _figure(data, "", height=height, images=images, margin={"l": 40, "r": 10, "t": 60, "b": 30}, **layout)


def labelled_points(points, labels, size: int = 5, symbol: str = "circle") -> dict:
    """A scatter trace coloured by class (labels None: grey, as unlabelled data)."""
    colors = "rgba(60,60,60,0.6)" if labels is None else [CLUSTER_COLORS[int(c) % 10] for c in labels]
    return {"type": "scattergl", "x": points[:, 0].tolist(), "y": points[:, 1].tolist(), "mode": "markers",
            "marker": {"size": size, "color": colors, "symbol": symbol, "line": {"width": 0.5, "color": "white"}},
            "hoverinfo": "skip"}


def class_contours(xs, ys, density: np.ndarray, cls: int) -> dict:
    """Line contours of one class's p(x|y), in the class colour."""
    color = CLUSTER_COLORS[cls % 10]
    return {"type": "contour", "x": list(xs), "y": list(ys), "z": density.tolist(), "showscale": False,
            "contours": {"coloring": "lines"}, "ncontours": 8, "line": {"width": 1.5},
            "colorscale": [[0, color], [1, color]], "hoverinfo": "skip"}


def density_heatmap(xs, ys, density: np.ndarray) -> dict:
    return {"type": "contour", "x": list(xs), "y": list(ys), "z": density.tolist(), "colorscale": "Blues",
             "reversescale": True,
            "reversescale": True, "showscale": False, "contours": {"coloring": "heatmap"},
            "line": {"width": 0.5}, "hovertemplate": "p(x)=%{z:.3g}<extra></extra>"}


def probe_marker(point) -> dict:
    return {"type": "scatter", "x": [point[0]], "y": [point[1]], "mode": "markers",
            "marker": {"size": 16, "symbol": "star", "color": "white", "line": {"width": 2, "color": "black"}},
            "hoverinfo": "skip"}


def score_histogram(reference, value: float, threshold: float, title: str, x_title: str,
                    labels: dict[str, str]) -> go.Figure:
    """The test set's scores as a histogram, this input's score and the reject threshold as lines."""
    data = [{"type": "histogram", "x": list(map(float, reference)), "nbinsx": 40, "name": labels["test"],
             "marker": {"color": ACCENT_LIGHT}, "hovertemplate": "%{x}: %{y}<extra></extra>"}]
    lines = [{"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
              "line": {"color": color, "width": 3, "dash": dash}}
             for x, color, dash in ((value, SECOND, "solid"), (threshold, "#dc2626", "dot"))]
    notes = [{"xref": "x", "yref": "paper", "x": x, "y": 1.0, "text": text, "showarrow": False,
              "yanchor": "bottom", "font": {"size": 11, "color": color}}
             for x, text, color in ((value, labels["input"], SECOND), (threshold, labels["threshold"], "#dc2626"))]
    low = min(float(np.min(reference)), value)
    high = max(float(np.max(reference)), value)
    pad = 0.05 * (high - low + 1e-9)
    return _figure(data, title, height=260, shapes=lines, annotations=notes,
                   xaxis={"title": {"text": x_title}, "range": [low - pad, high + pad]})


def pixel_histogram_figure(centres, curves: dict[str, np.ndarray], title: str, x_title: str,
                           y_title: str) -> go.Figure:
    """Shares of pixels per value bin, one line per image set, on a log axis: the black background holds most
    pixels, and the grey edges a few percent that a linear axis would flatten."""
    colors = ["black", ACCENT, SECOND]
    dashes = ["solid", "solid", "dot"]
    data = [{"type": "scatter", "x": list(map(float, centres)), "y": [max(float(v), 1e-5) for v in shares],
             "mode": "lines+markers", "name": name, "marker": {"size": 4},
             "line": {"color": colors[index % 3], "width": 2, "dash": dashes[index % 3], "shape": "hvh"},
             "hovertemplate": "%{x:.2f}: %{y:.2%}<extra>" + name + "</extra>"}
            for index, (name, shares) in enumerate(curves.items())]
    return _figure(data, title, height=300, showlegend=True, legend={"orientation": "h", "y": -0.25},
                   xaxis={"title": {"text": x_title}, "range": [0, 1]},
                   yaxis={"title": {"text": y_title}, "type": "log", "tickformat": ".1%"})


def density_curves(xs, curves: dict, truth, truth_name: str, points, title: str) -> go.Figure:
    """1-D densities as curves over a rug of the training points, the true density dashed."""
    colors = [ACCENT, SECOND, "#059669"]
    data = [{"type": "scatter", "x": list(map(float, xs)), "y": list(map(float, ys)), "mode": "lines",
             "name": name, "line": {"color": colors[index % 3], "width": 2.5, "shape": "hv" if index == 0 else "linear"}}
            for index, (name, ys) in enumerate(curves.items())]
    data.append({"type": "scatter", "x": list(map(float, xs)), "y": list(map(float, truth)), "mode": "lines",
                 "name": truth_name, "line": {"color": "black", "width": 1.5, "dash": "dash"}})
    data.append({"type": "scatter", "x": list(map(float, points)), "y": [-0.01] * len(points), "mode": "markers",
                 "marker": {"symbol": "line-ns-open", "size": 8, "color": "rgba(0,0,0,0.3)"}, "showlegend": False,
                 "hoverinfo": "skip"})
    return _figure(data, title, height=300, showlegend=True, legend={"orientation": "h", "y": -0.2},
                   xaxis={"title": {"text": "x"}}, yaxis={"title": {"text": "p(x)"}})


def level_distribution(probabilities, drawn: int, title: str, x_title: str) -> go.Figure:
    """p(x_i | x_<i) over the 256 pixel values as bars, the value drawn in the accent colour."""
    probabilities = np.asarray(probabilities, np.float64)
    colors = [SECOND if value == drawn else ACCENT_LIGHT for value in range(len(probabilities))]
    bars = {"type": "bar", "x": list(range(len(probabilities))), "y": probabilities.tolist(),
            "marker": {"color": colors, "line": {"width": 0}}, "hovertemplate": "%{x}: %{y:.4f}<extra></extra>"}
    return _figure([bars], title, height=280, bargap=0,
                   xaxis={"title": {"text": x_title}, "range": [-2, len(probabilities) + 1]},
                   yaxis={"title": {"text": "p"}, "range": [0, max(0.05, float(probabilities.max()) * 1.1)]})


def cost_map(costs, title: str) -> go.Figure:
    """A 28x28 map of −log p(x_i | x_<i) in nats, redder = more surprising, drawn like the image.
    (A colour scale plotly.js knows by name: figures here skip plotly.py, which would expand others.)"""
    heatmap = {"type": "heatmap", "z": np.asarray(costs, np.float64).tolist(), "colorscale": "YlOrRd",
               "reversescale": True, "colorbar": {"title": {"text": "nats"}, "thickness": 12},
               "hovertemplate": "row %{y}, column %{x}: %{z:.2f} nats<extra></extra>"}
    return _figure([heatmap], title, height=300, xaxis={"visible": False, "constrain": "domain"},
                   yaxis={"visible": False, "autorange": "reversed", "scaleanchor": "x"})


def estimator_figure(counts: list[int], estimates: dict[str, np.ndarray], labels: dict[str, str], title: str,
                     axis_titles: tuple[str, str]) -> go.Figure:
    """Each estimator's repeated estimates against the number of samples (log axis): its mean as a line, every
    repeat as a dot, so how far it lands and how much it wanders are both seen. estimates: name ->
    (len(counts), repeats)."""
    colors = {"naive": SECOND, "importance": ACCENT}
    data = []
    for name, values in estimates.items():
        data.append({"type": "scatter", "x": counts, "y": values.mean(axis=1).tolist(), "mode": "lines+markers",
                     "name": labels[name], "line": {"color": colors[name]},
                     "hovertemplate": "%{x}: %{y:.1f} nats<extra>" + labels[name] + "</extra>"})
        data.append({"type": "scatter", "x": np.repeat(counts, values.shape[1]).tolist(),
                     "y": values.flatten().tolist(), "mode": "markers", "showlegend": False,
                     "marker": {"color": colors[name], "size": 5, "opacity": 0.45}, "hoverinfo": "skip"})
    return _figure(data, title, height=320, showlegend=True, legend={"orientation": "h", "y": -0.3},
                   xaxis={"type": "log", "title": {"text": axis_titles[0]}},
                   yaxis={"title": {"text": axis_titles[1]}})


def posterior_map_figure(z1: np.ndarray, z2: np.ndarray, density: np.ndarray, q_mean: np.ndarray,
                         q_std: np.ndarray, labels: dict[str, str], title: str, depth: float = 20.0) -> go.Figure:
    """The true posterior p(z|x) over (z1, z2) as a heat map of its log, down to `depth` nats below its peak
    (a density map shows a dot; its log shows the shape), with q(z|x)'s 1σ and 2σ ellipses and mean."""
    angle = np.linspace(0, 2 * np.pi, 73)
    log_density = np.log(np.maximum(density, 1e-300))
    peak = float(log_density.max())
    data = [{"type": "heatmap", "x": z1.tolist(), "y": z2.tolist(), "z": np.round(log_density, 3).tolist(),
             "zmin": peak - depth, "zmax": peak, "colorscale": "Blues", "reversescale": True,
             "name": labels["posterior"], "colorbar": {"thickness": 10, "title": {"text": labels["density"]}},
             "hovertemplate": "z1=%{x:.3f}, z2=%{y:.3f}: log p = %{z:.2f}<extra></extra>"}]
    for radius, dash in ((1, "solid"), (2, "dot")):
        data.append({"type": "scatter", "x": (q_mean[0] + radius * q_std[0] * np.cos(angle)).tolist(),
                     "y": (q_mean[1] + radius * q_std[1] * np.sin(angle)).tolist(), "mode": "lines",
                     "name": f"q(z|x), {radius}σ", "line": {"color": SECOND, "width": 2, "dash": dash},
                     "hoverinfo": "skip"})
    data.append({"type": "scatter", "x": [float(q_mean[0])], "y": [float(q_mean[1])], "mode": "markers",
                 "name": labels["q_mean"], "marker": {"color": SECOND, "size": 8, "symbol": "x"}})
    return _figure(data, title, height=380, showlegend=True, legend={"orientation": "h", "y": -0.2},
                   xaxis={"title": {"text": "z₁"}}, yaxis={"title": {"text": "z₂"}, "scaleanchor": "x"})


def vectors_figure(vectors: dict[str, np.ndarray], title: str, x_title: str) -> go.Figure:
    """Several vectors of one length as grouped bars per index (μ, σ, ε and z of one VAE training step)."""
    colors = [ACCENT, SECOND, "#888888", "#2ca02c"]
    data = [{"type": "bar", "x": list(range(1, len(values) + 1)), "y": np.round(values, 3).tolist(), "name": name,
             "marker": {"color": colors[index % len(colors)]}}
            for index, (name, values) in enumerate(vectors.items())]
    return _figure(data, title, height=300, barmode="group", showlegend=True,
                   legend={"orientation": "h", "y": -0.3}, xaxis={"title": {"text": x_title}, "dtick": 1})


def pushed_density_figure(xs, before, after, labels: tuple[str, str], title: str, x_title: str) -> go.Figure:
    """A density before (dashed) and after it was pushed up somewhere (filled): the area under each is 1."""
    xs = np.round(xs, 4).tolist()
    data = [{"type": "scatter", "x": xs, "y": np.round(before, 4).tolist(), "mode": "lines", "name": labels[0],
             "line": {"color": "black", "width": 1.5, "dash": "dash"}},
            {"type": "scatter", "x": xs, "y": np.round(after, 4).tolist(), "mode": "lines", "name": labels[1],
             "fill": "tozeroy", "line": {"color": ACCENT, "width": 2.5}}]
    return _figure(data, title, height=280, showlegend=True, legend={"orientation": "h", "y": -0.3},
                   xaxis={"title": {"text": x_title}}, yaxis={"title": {"text": "p(x)"}})


def two_axis_figure(xs, left: list[float], right: list[float], names: tuple[str, str], title: str,
                    x_title: str) -> go.Figure:
    """Two curves over one x axis, each on its own y axis (left: accent, right: second colour)."""
    data = [{"type": "scatter", "x": list(xs), "y": list(left), "mode": "lines+markers", "name": names[0],
             "line": {"color": ACCENT}},
            {"type": "scatter", "x": list(xs), "y": list(right), "mode": "lines+markers", "name": names[1],
             "line": {"color": SECOND, "dash": "dash"}, "yaxis": "y2"}]
    return _figure(data, title, height=280, showlegend=True, legend={"orientation": "h", "y": -0.3},
                   xaxis={"title": {"text": x_title}},
                   yaxis={"title": {"text": names[0]}, "color": ACCENT},
                   yaxis2={"title": {"text": names[1]}, "overlaying": "y", "side": "right", "range": [0, 1.05],
                           "color": SECOND}, margin={"l": 50, "r": 50, "t": 40, "b": 40})
