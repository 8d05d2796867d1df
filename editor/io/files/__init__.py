"""Files on disk: atomic writes (``atomic``), ``.pt`` files loaded without running code (``safe_load``, after
``limits`` checked the file and its declared size without reading it), the project file (``project_file``, with
the design and init rules as plain data in ``design_data`` and ``init_data``, its tensors checked by ``tensors``
and its rules by ``rule_checks``) and weights as plain ``torch.save`` state_dicts (``weights``).
"""
