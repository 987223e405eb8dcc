"""Where the embedded backend keeps its index: SQLite FTS5 or PostgreSQL full-text search.

Both stores implement `base.Store`; `embedded.EmbeddedBackend` picks one by the database's
vendor and does everything else (analysis, the query's clauses, hits and facets).
"""
