"""Search for the public site: the text builder, the backends and the index."""
