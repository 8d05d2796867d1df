"""Custom definitions and the safe expression language (``expr``) that the catalog's formulas, the init
rules' custom transforms and user-defined layers are written in: parsed with ``ast``, evaluated over a
whitelist, never ``eval``-ed.
"""
