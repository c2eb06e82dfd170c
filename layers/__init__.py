"""ccgeo's bundled data layers, installed as the package ``ccgeo.layers``: the synthetic demo
city "Vila Demo" (``demo/``). Code reaches them through `ccgeo.params.bundled_layer`."""
