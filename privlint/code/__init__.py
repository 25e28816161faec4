"""The Python side: file discovery, one parse per file, imports, taint flow into sinks."""
