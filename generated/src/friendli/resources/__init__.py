"""The resource classes of the API tree, one module per group."""
