"""Pages of the missions app. Each view states who may use it.

Whoever cannot see a mission gets 404; who can see it but not do the
action gets 403; anonymous visitors are sent to sign in, except on the
survey and certificate-verification pages, which are public by design.
"""
