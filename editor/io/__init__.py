"""The io layer: project files and Python code in and out. Pure (never imports Qt); imports only the model.

- ``files``: atomic writes, safe loading of ``.pt`` files, the project file format, weights.
- ``pycode``: a design as plain PyTorch code (``export``) and code read back without running it (``read``).
- ``doors``: registers io's functions behind ``p.save``, ``Project.load``, ``p.to_code``, ``Project.from_code``.
- ``errors``: ``ProjectFileError`` and ``CodeImportError``.
"""
