"""Public pages. Everything shown reads through ``Gate(Viewer.public())`` or the projection built
from it (``SearchEntry``)."""
