"""Command-line interfaces over the library."""
