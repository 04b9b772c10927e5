"""The stages, in order. Each is ``stage(doc, config) -> doc``."""
