"""Generator of the bundled pack's animated exercise demos: `python -m tools.demo_figures`."""
