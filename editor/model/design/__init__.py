"""The design: the tree of groups and blocks (``tree``), the live ``nn.Sequential`` mirrored from it, and the
journaled primitives every operation is made of (``core``, ``transaction``, ``events``).

Also here: shape inference downstream of an edit (``shape_inference``), adopting live modules (``adopt``) and
edits made to ``project.model`` directly (``resync``), the seed tracker (``seeding``), checks of user-given
values (``user_values``), the read-only protocol views use (``view``) and the one place that touches torch's
private module dicts (``torch_dicts``). Imports the catalog; never the Project.
"""
