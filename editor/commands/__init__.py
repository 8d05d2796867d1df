"""Commands: one QUndoCommand per Project operation, and the runner that pushes them."""
