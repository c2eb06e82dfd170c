"""ccgeo's bundled data files, installed as the package ``ccgeo.resources``: speed profiles,
referral and test-demand defaults, the land mask and the web assets of the HTML map. Code reads
them through `ccgeo.params.resource`, never by path arithmetic."""
