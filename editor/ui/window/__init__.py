"""The main window and the parts it is built from.

- ``main_window.MainWindow`` (objectName ``mainWindow``) composes the canvas
  and the panels and wires the parts below; it is the only module here that
  knows them all.
- ``session.Session`` is what the parts get instead of the window: the open
  Project, its undo stack and command runner, its file, the selection and
  status messages, with signals such as ``project_replaced``.
- ``editing.EditActions``, ``files.FileActions``, ``code_files.CodeActions``,
  ``actions.build_menus``, ``toolbar.DesignToolbar``, ``status.DesignStatus``
  and ``autosave.Autosave`` each take a session (and, where they show dialogs,
  a parent widget); none of them imports the main window.
- ``custom_layers.CustomLayerActions``: the Layer menu (new custom layer, make reusable block), the
  definition dialogs, the palette's "My blocks" and the user's library of definitions.
- ``recovery.offer_recovery`` offers, at start-up, the autosaves a LayerLab
  that did not exit cleanly left behind.
- ``crash.CrashHandler`` handles every error nobody caught: logged (by
  ``error_log.ErrorLog``, a rotating file in the app-data folder), unsaved
  work autosaved, one calm ``error_dialog.ErrorDialog`` (objectName
  ``errorDialog``), and the app goes on.
"""
