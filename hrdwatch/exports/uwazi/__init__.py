"""Migration from Uwazi (HURIDOCS): its CSV export read into hrdwatch."""
