"""Character-level helpers shared by the stages."""
