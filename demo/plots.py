"""Plotly figure builders shared by the tabs: plain numbers in, a figure out (no torch here)."""
from __future__ import annotations

import plotly.graph_objects as go

ACCENT = "#4f46e5"
SECOND = "#f59e0b"


def _layout(figure: go.Figure, title: str, height: int = 260) -> go.Figure:
    figure.update_layout(title=dict(text=title, font=dict(size=14)), height=height,
                         margin=dict(l=40, r=10, t=40, b=40), template="plotly_white", showlegend=False)
    return figure


def probabilities_figure(probabilities: list[float], class_names: list[str], title: str,
                         axis_title: str) -> go.Figure:
    """Bar chart of p(y|x), the most likely class highlighted."""
    best = max(range(len(probabilities)), key=probabilities.__getitem__)
    colors = [ACCENT if i == best else "#c7d2fe" for i in range(len(probabilities))]
    figure = go.Figure(go.Bar(x=class_names, y=probabilities, marker_color=colors,
                              text=[f"{p:.0%}" if p >= 0.01 else "" for p in probabilities],
                              textposition="outside", cliponaxis=False,
                              hovertemplate="%{x}: %{y:.4f}<extra></extra>"))
    figure.update_yaxes(range=[0, 1.18], title=axis_title)
    figure.update_xaxes(type="category")
    return _layout(figure, title)


def posterior_figure(mean: list[float], std: list[float], title: str, axis_title: str,
                     prior_label: str) -> go.Figure:
    """μ_j with ±σ_j error bars per latent dimension, over the prior's ±1 band."""
    dims = list(range(1, len(mean) + 1))
    figure = go.Figure()
    figure.add_hrect(y0=-1, y1=1, fillcolor="#e5e7eb", opacity=0.5, line_width=0,
                     annotation_text=prior_label, annotation_position="top left")
    figure.add_trace(go.Scatter(x=dims, y=mean, mode="markers", marker=dict(size=9, color=ACCENT),
                                error_y=dict(type="data", array=std, color=ACCENT, thickness=1.5),
                                hovertemplate="z%{x}: μ=%{y:.3f}, σ=%{error_y.array:.3f}<extra></extra>"))
    figure.update_xaxes(title=axis_title, tickmode="linear", dtick=1)
    figure.update_yaxes(title="μ ± σ", zeroline=True)
    return _layout(figure, title)


def elbo_figure(reconstruction: float, kl: float, labels: dict[str, str], title: str) -> go.Figure:
    """The negative ELBO as a stacked bar: reconstruction + KL = −ELBO (nats)."""
    figure = go.Figure()
    figure.add_trace(go.Bar(y=["−ELBO"], x=[reconstruction], orientation="h", name=labels["reconstruction"],
                            marker_color=ACCENT, text=[f"{reconstruction:.1f}"], textposition="inside",
                            hovertemplate=labels["reconstruction"] + ": %{x:.2f}<extra></extra>"))
    figure.add_trace(go.Bar(y=["−ELBO"], x=[kl], orientation="h", name=labels["kl"], marker_color=SECOND,
                            text=[f"{kl:.1f}"], textposition="inside",
                            hovertemplate=labels["kl"] + ": %{x:.2f}<extra></extra>"))
    figure.update_layout(barmode="stack")
    figure = _layout(figure, title, height=170)
    figure.update_layout(showlegend=True, legend=dict(orientation="h", y=-0.35))
    figure.update_xaxes(title="nats")
    return figure
