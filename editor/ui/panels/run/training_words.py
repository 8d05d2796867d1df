"""The training box's words that need no box: its tasks' names and tips, Keep's tooltip, the steps dropped.

(Translated in the box's own context, ``TrainingBox``.)
"""

from __future__ import annotations

from editor.model.run.training import Trainer
from editor.ui import theme
from editor.ui.i18n import QT_TRANSLATE_NOOP, translate

LEGEND_CURVES = 8
"""The gradient curves named under the plots (the rest are counted)."""

TASK_TEXT = {
    "teacher": QT_TRANSLATE_NOOP("TrainingBox", "Copy a teacher: regress the outputs of a fixed random network of "
                                 "this design"),
    "clusters": QT_TRANSLATE_NOOP("TrainingBox", "Clusters: classify points from separable clusters (needs "
                                  "(N, features) → (N, classes))"),
}
TASK_NAME = {"teacher": QT_TRANSLATE_NOOP("TrainingBox", "teacher"),
             "clusters": QT_TRANSLATE_NOOP("TrainingBox", "clusters")}


def keep_tip(fits: bool = True, trainer: Trainer | None = None, same: bool = True) -> str:
    """Keep's tooltip: what it does, or why it is off."""
    if not fits:
        return translate("TrainingBox", "Off: the design changed since this training (undo the change to keep the "
                                        "weights).")
    if not same:
        return translate("TrainingBox", "Off: the weights changed since this training started (Train to start again "
                                        "from them).")
    if trainer is not None and trainer.blew_up:
        return translate("TrainingBox", "Off: the loss blew up, so the trained weights are not worth keeping.")
    return translate("TrainingBox", "Put the trained weights into the design (one step you can undo).")


def dropped_text(count: int) -> str:
    """The steps a change of settings dropped, unkept (a new training starts from the design's weights)."""
    if count != 1:
        return translate("TrainingBox", "New settings, so a new training from the design's weights: the {steps} "
                                         "steps not kept were dropped.").format(steps=count)
    return translate("TrainingBox", "New settings, so a new training from the design's weights: the 1 step not kept "
                                    "was dropped.")


def curve_legend(paths: list[str]) -> str:
    """Each gradient curve's block (``paths``, in the curves' order) in its colour: the first ``LEGEND_CURVES`` of
    them, and how many more ("" without curves)."""
    if not paths:
        return ""
    names = " ".join(f'<span style="color: {theme.share_color(index).name()}">■</span> {path}'
                     for index, path in enumerate(paths[:LEGEND_CURVES]))
    if len(paths) > LEGEND_CURVES:
        names += " " + translate("TrainingBox", "and {count} more").format(count=len(paths) - LEGEND_CURVES)
    return translate("TrainingBox", "Gradient curves, by block: {names}").format(names=names)
