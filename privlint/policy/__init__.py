"""The policy side: documents, language, spaCy matchers, disclosures and claims."""
