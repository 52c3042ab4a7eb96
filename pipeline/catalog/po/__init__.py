"""GNU-exact PO files, one job per module: ``base`` (what reading and writing share), ``read``,
``linebreak`` (UAX #14), ``formats`` (format directives), ``write``, ``diff``.

Import the public face, :mod:`pipeline.catalog.pofile`, rather than these.
"""
