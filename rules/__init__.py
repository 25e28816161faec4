"""Built-in rule packs: YAML data and their fixtures, installed as ``privlint.rules``."""
