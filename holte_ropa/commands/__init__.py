"""One module per ``holte-ropa`` subcommand: ``add_arguments(parser)`` and ``run(args)``.

Modules here import only the standard library at import time; everything heavy is
imported inside ``run`` so that the command line starts fast.
"""
