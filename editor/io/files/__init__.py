"""Files on disk: atomic writes (``atomic``), ``.pt`` files loaded without running code (``safe_load``), the
project file (``project_file``, with the design and init rules as plain data in ``design_data`` and
``init_data``) and weights as plain ``torch.save`` state_dicts (``weights``).
"""
