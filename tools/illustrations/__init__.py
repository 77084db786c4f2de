"""Generator for the bundled pack's illustrations: run `python -m tools.illustrations`."""
