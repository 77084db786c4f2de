"""Package layout that pyproject.toml cannot say on its own.

The top-level `resources/` folder (the bundled pack, edited by clinic staff in the checkout) is
installed as the package `kiosk.bundled`, so an installed kiosk finds it wherever it runs from
(`kiosk/content/bundled.py`). Everything else about the package is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["kiosk", "kiosk.*"]), "kiosk.bundled"],
    package_dir={"kiosk.bundled": "resources"},
)
