"""The 2-D sandbox: diffusion and flow matching trained on points a student draws or picks, small enough to
train live on a CPU and to watch whole (lecture: diffusion, its forward and reverse processes, the score).

- `points`: the toy sets and drawn densities, checked, split into training and held-out points;
- `process`: the variance-preserving schedule (ᾱ(t), σ(t), β(t)) and the forward process at any t;
- `training`: the loop (live, capped in seconds, stopped between steps) and the CLI for the shipped models;
- `samplers`: DDPM, DDIM and DPM-Solver++(2M) for the diffusion model, Euler for the flow, with paths;
- `likelihood`: exact log-likelihood through the probability-flow ODE (the divergence, exact in 2-D);
- `metrics`: the maximum mean discrepancy of samples to held-out points, over two held-out halves'.
"""
