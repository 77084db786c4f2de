"""Benchmarks for the kiosk: `python -m kiosk.bench [--quick] [--json FILE] [--soak MINUTES]`.

The figures (start, tap to paint, page slide frames, demo frames, idle cost, scale, memory) are
printed next to their targets. They are measured, never asserted: a slow CI machine must not fail
a build, but a regression shows up plainly in the table. See docs/benchmarks.md.
"""
