"""A small online shop used to show what privlint finds."""
