"""The roadmap file: model, schema (the only pydantic), checks, catalog, cache."""
