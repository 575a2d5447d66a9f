"""Data files of the public site (the letters' data moved to hrdwatch/advocacy/data)."""
