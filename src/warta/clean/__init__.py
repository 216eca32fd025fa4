"""Clean: HTML extraction, mojibake repair, news boilerplate, metadata."""
