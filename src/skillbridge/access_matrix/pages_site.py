"""The matrix rows of the site pages (see the package's docstring)."""

from skillbridge.access_matrix.shapes import (
    personal,
    public,
)

PAGES = {
    # The site --------------------------------------------------------------------------
    "home": public(),
    "health": public(),
    # Anyone signed in: their own task list.
    "dashboard": personal(),
    "health_live": public(),
}
