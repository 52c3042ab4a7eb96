"""GNU-exact PO files, one job per module: ``base`` (what reading and writing share), ``lex`` (lines, C strings), ``read`` (the grammar),
``linebreak`` (UAX #14), ``formats`` (format directives), ``write``, ``diff``.

Import the public face, :mod:`pipeline.catalog.pofile`, rather than these.
"""
