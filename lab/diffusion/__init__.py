"""Diffusion: diffusers' noise schedules and sampler steps, our sampling loop that records every step."""
