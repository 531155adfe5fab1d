"""The demo programme: `skillbridge seed_demo` and the data it loads.

The top layer: it builds believable records through the other apps' services
(or, for history that must not mail anyone, through the same model writes as
they make), and nothing imports it. The texts live in data/*.toml, one file per
stage; the modules here hold only how the records are made from them.
"""
