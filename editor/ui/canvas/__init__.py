"""The canvas: the design drawn as stacked blocks and framed groups.

- ``scene.CanvasScene`` keeps one item per block and group in step with the
  Project's events, and listens to its items.
- ``view.CanvasView`` (objectName ``canvas``) shows a scene and turns drops,
  drags and keys into intents (signals) for the window.
- ``items`` holds ``BlockItem``, ``GroupItem`` and ``ItemSignals``, the hub
  through which items announce clicks; ``decorations`` the other items
  (input and output ends, insertion marker, replace marker, share links, empty hint).

Dependencies run one way: view → scene → decorations → items.
"""
