"""Data files of the public site (letter templates and recipients), shipped as package data."""
