"""The matrix rows of the site pages (see the package's docstring)."""

from skillbridge.access_matrix.shapes import (
    public,
)

PAGES = {
    # The site --------------------------------------------------------------------------
    "home": public(),
    "health": public(),
    "health_live": public(),
}
