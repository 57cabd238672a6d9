"""Commands beyond linting: explain, rules verify/test/graph, sources audit, scaffold, eval."""
