"""Custom definitions and the safe expression language they are written in.

- ``expr``: the safe expression language (parsed with ``ast``, evaluated over a whitelist, never ``eval``-ed)
  that catalog formulas (``formulas``), custom init transforms and custom layers are written in;
- ``language``: the names a forward expression may use (functions, tensor methods, keywords), as plain data;
- ``definitions``: ``LayerDefinition``, ``ParameterSpec``, ``BlockDefinition``, ``ChildSpec`` (immutable data,
  checked when made; blocks and their children live in ``blocks``, the checks they share in ``checks``);
  ``data``: the same as dicts of primitives, for files; ``library``: the user's library folder;
- ``functions`` and ``modules``: the torch side, the vocabulary bound to torch and the ``nn.Module`` classes
  generated for definitions (``type(name, (nn.Module,), …)``, never ``exec``).
"""
