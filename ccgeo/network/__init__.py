"""Road networks as routable graphs: speed profiles, CSR travel times, routing, isochrones."""
