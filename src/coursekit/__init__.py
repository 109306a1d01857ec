"""coursekit: build co-produced training courses from reusable modules."""

__version__ = "0.1.0"
