"""The demo's texts, read from the TOML files in data/ (shipped with the package)."""

import functools
import tomllib
from importlib.resources import files


@functools.cache
def texts(stage: str) -> dict:
    """The parsed contents of data/<stage>.toml, read once per process."""
    with files(__package__).joinpath("data", f"{stage}.toml").open("rb") as handle:
        return tomllib.load(handle)
