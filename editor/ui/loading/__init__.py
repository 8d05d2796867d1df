"""The main window while PyTorch loads: everything here works without torch.

LayerLab shows its window before ``import torch`` (see ``editor.ui.startup``).
Until torch is ready the window is a :class:`~editor.ui.loading.shell.LoadingShell`:

- ``shell.LoadingShell`` puts the real palette, a canvas that takes drops and
  "Loading PyTorch…" panels and menus into the main window, with the docks
  where the editor keeps them, and hands over what the learner did meanwhile
  (a ``shell.Handover``) when the editor is built in its place.
- ``pending.PendingCanvas`` (objectName ``pendingCanvas``) takes drops and
  double-clicks from the palette: each becomes a ``pending.PendingBlock`` (a
  catalog kind and the hyperparameters it starts with), drawn as a block in a
  pending style until it is added to the design as an ordinary, undoable command.
- ``placeholders.LoadingPanel`` (objectName ``loadingPanel``) stands in for each
  panel that needs torch; ``placeholders.loading_menus`` for the menus.

Nothing here imports torch, the commands or the model beyond the catalog
(plain data): a test checks that the window paints before torch is imported.
"""
