"""hrdwatch: documentation and advocacy for detained human rights defenders."""
