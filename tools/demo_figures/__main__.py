"""Regenerate the bundled pack's exercise demos: `python -m tools.demo_figures`."""

from .build import main

raise SystemExit(main())
