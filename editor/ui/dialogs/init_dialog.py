"""The Initialize dialog (objectName ``initDialog``): any ``torch.nn.init`` function, previewed before applying.

Choose a function and its arguments (a gain helper offers ``calculate_gain``),
what to fill (weights, biases or all parameters) and where (the selected
blocks, every block of a kind, or the whole design), optionally transform the
fresh sample ``w`` with a small expression. A histogram previews the values
with the rule's theoretical density; Apply is one undoable step, kept in the
project as a rule that "Reset Parameters from Seed" and the exported code replay.

The scope starts at "the selected blocks" whenever blocks are selected (when
the dialog opens, and when the selection changes while it is open). A kept
rule that the new one overwrites entirely is named before Apply, and replaced
(removed in the same undo step) unless the user unticks "Replace". Escape
takes back an edit in progress in a field; with none, it closes the dialog.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, SignalInstance
from PySide6.QtGui import QHideEvent, QResizeEvent, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from editor.commands.edits import ResetParametersCommand
from editor.commands.init import InitializeCommand, RemoveInitRuleCommand
from editor.commands.runner import CommandRunner
from editor.io.pycode.export.init_code import rule_program
from editor.model.catalog import kinds
from editor.model.design.tree import Node
from editor.model.errors import LayerLabError, ValidationError
from editor.model.init.functions import INIT_FUNCTIONS, NONLINEARITIES, InitFunction
from editor.model.init.rules import InitRule, check_rule
from editor.model.project.project import Project
from editor.ui import theme
from editor.ui.dialogs.escape import EscapeCancelsEdit
from editor.ui.dialogs.init_arguments import EXPRESSION_HELP as EXPRESSION_HELP  # offered here before
from editor.ui.dialogs.init_arguments import argument_values, argument_widget, expression_help
from editor.ui.dialogs.init_overwrites import Overwrite, overwrite_text, overwrites, replace_label
from editor.ui.dialogs.init_preview import InitPreview
from editor.ui.i18n import catalog_text, keep_translated, model_text, on_language_change
from editor.ui.number_box import NumberBox


class InitSession(Protocol):
    """What the dialog needs from the open session: the project, its history, and the canvas selection."""

    @property
    def project(self) -> Project: ...

    @property
    def undo_stack(self) -> QUndoStack: ...

    @property
    def runner(self) -> CommandRunner: ...

    @property
    def selection_changed(self) -> SignalInstance: ...

    def selected_nodes(self) -> list[Node]: ...


class InitDialog(QDialog):
    """Build an init rule, preview it, apply it as one undoable command.

    ``session`` gives the project and the selection; ``parent`` defaults to ``session`` when that is a widget.
    """

    def __init__(self, session: InitSession, parent: QWidget | None = None) -> None:
        super().__init__(parent if parent is not None else session if isinstance(session, QWidget) else None)
        self.setObjectName("initDialog")
        keep_translated(self, self.setWindowTitle, lambda: self.tr("Initialize parameters"))
        self.session = session
        self.arg_widgets: dict[str, QWidget] = {}
        self.escape = EscapeCancelsEdit(self)
        self.overwritten: list[Overwrite] = []
        """Kept rules whose tensors the rule in the form fills again (found with each preview)."""
        self._selection_seen: tuple[str, ...] | None = None  # None: the next selection is news (the dialog opens)
        self._dropping = False  # an empty undo step is being dropped: the refusal's message must stay
        self._timer = QTimer(self, singleShot=True, interval=120)
        self._timer.timeout.connect(self.update_preview)

        self.function = QComboBox(objectName="initFunction")
        self.function.addItems([f"nn.init.{name}" for name in INIT_FUNCTIONS])
        self.function.setCurrentText("nn.init.xavier_uniform_")
        self.function_doc = QLabel(wordWrap=True)
        self.function_doc.setStyleSheet(f"color: {theme.muted().name()}")
        self.args_box = QGroupBox()
        keep_translated(self, self.args_box.setTitle, lambda: self.tr("Arguments"))
        self.args_form = QFormLayout(self.args_box)
        self.gain_check = QCheckBox("gain = nn.init.calculate_gain(", objectName="initGainFrom")
        self.gain_nonlinearity = QComboBox()
        self.gain_nonlinearity.addItems(NONLINEARITIES)
        self.gain_nonlinearity.setCurrentText("relu")
        self.gain_param = NumberBox(0.0, 10.0, 0.01, single_step=0.01)
        keep_translated(self, self.gain_param.setToolTip, lambda: self.tr("negative slope of leaky_relu"))

        self.parameters = QComboBox(objectName="initParameters")
        for value in ("weight", "bias", "all"):
            self.parameters.addItem("", value)
        for index, text in enumerate((lambda: self.tr("weights"), lambda: self.tr("biases"),
                                      lambda: self.tr("all parameters"))):
            keep_translated(self, lambda words, i=index: self.parameters.setItemText(i, words), text)
        self.scope_selected = QRadioButton(objectName="initScopeSelected")
        self.scope_kind = QRadioButton(objectName="initScopeKind")
        keep_translated(self, self.scope_kind.setText, lambda: self.tr("every block of kind"))
        self.scope_all = QRadioButton(objectName="initScopeAll")
        keep_translated(self, self.scope_all.setText, lambda: self.tr("the whole design"))
        self.scopes = QButtonGroup(self)
        for button in (self.scope_selected, self.scope_kind, self.scope_all):
            self.scopes.addButton(button)
        self.kind = QComboBox(objectName="initKind")
        self.expression_check = QCheckBox(objectName="initExpressionOn")
        keep_translated(self, self.expression_check.setText, lambda: self.tr("then transform the sample:"))
        self.expression = QLineEdit(objectName="initExpression", placeholderText="where(abs(w) < 5, 0, w)")
        self.expression.setFont(theme.font(0, mono=True))
        keep_translated(self, self.expression.setToolTip, expression_help)
        self.code = QLabel(objectName="initCode", textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setFont(theme.font(-1, mono=True))
        self.code.setWordWrap(True)
        self.error = QLabel(objectName="initError", wordWrap=True)
        self.error.setStyleSheet(f"color: {theme.ERROR.name()}")
        self.overwrites = QLabel(objectName="initOverwrites", wordWrap=True)
        self.replace = QCheckBox(objectName="initReplace", checked=True)
        keep_translated(self, self.replace.setToolTip, lambda: self.tr(
            "Remove the rules this one overwrites, in the same undo step, so that the list says what really made "
            "the values. Untick to keep every rule."))
        self.preview = InitPreview()
        self.rules = QListWidget(objectName="initRules")
        self.remove_rule = QPushButton(objectName="initRemoveRule")
        keep_translated(self, self.remove_rule.setText, lambda: self.tr("Remove rule"))
        keep_translated(self, self.remove_rule.setToolTip, lambda: self.tr(
            "Forget the rule: the values stay, but Reset Parameters from Seed no longer replays it."))
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ApplyRole)
        keep_translated(self, self.apply_button.setText, lambda: self.tr("Apply"))
        self.apply_button.setObjectName("initApply")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self._layout()
        self._connect()
        self.refresh_targets()
        self._function_changed()
        on_language_change(self, self.retranslate)

    def retranslate(self) -> None:
        """The texts that follow the form (the function's help, the targets, the preview), in the new language."""
        init = self.init
        self.function_doc.setText(catalog_text(init.doc))
        for arg in init.args:
            if arg.name in self.arg_widgets:
                self.arg_widgets[arg.name].setToolTip(catalog_text(arg.doc))
        self._update_gain_param()
        self.preview.retranslate()
        self.refresh_targets()

    # ------------------------------------------------------------ layout
    def _layout(self) -> None:
        form = QFormLayout()
        function_label = QLabel()
        keep_translated(self, function_label.setText, lambda: self.tr("Function"))
        form.addRow(function_label, self.function)
        form.addRow("", self.function_doc)
        gain_row = QHBoxLayout()
        for w in (self.gain_check, self.gain_nonlinearity, self.gain_param, QLabel(")")):
            gain_row.addWidget(w)
        gain_row.addStretch()
        self.gain_widget = QWidget()
        self.gain_widget.setLayout(gain_row)
        gain_row.setContentsMargins(0, 0, 0, 0)
        where = QGroupBox()
        keep_translated(self, where.setTitle, lambda: self.tr("Fill"))
        where_layout = QVBoxLayout(where)
        first = QHBoxLayout()
        first.addWidget(self.parameters)
        of = QLabel()
        keep_translated(self, of.setText, lambda: self.tr("of"))
        first.addWidget(of)
        first.addStretch()
        where_layout.addLayout(first)
        where_layout.addWidget(self.scope_selected)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.scope_kind)
        kind_row.addWidget(self.kind)
        kind_row.addStretch()
        where_layout.addLayout(kind_row)
        where_layout.addWidget(self.scope_all)
        custom = QGroupBox()
        keep_translated(self, custom.setTitle, lambda: self.tr("Custom rule (optional)"))
        custom_layout = QVBoxLayout(custom)
        custom_layout.addWidget(self.expression_check)
        custom_layout.addWidget(self.expression)
        hint = QLabel(wordWrap=True)
        keep_translated(self, hint.setText, expression_help)
        hint.setStyleSheet(f"color: {theme.muted().name()}")
        custom_layout.addWidget(hint)
        left_widget = QWidget()
        left_widget.setFixedWidth(370)  # the form keeps its place when the function (and its arguments) change
        left = QVBoxLayout(left_widget)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(form)
        left.addWidget(self.args_box)
        left.addWidget(self.gain_widget)
        left.addWidget(where)
        left.addWidget(custom)
        left.addStretch()
        right = QVBoxLayout()
        right.addWidget(self.preview, 3)
        as_code = QLabel()
        keep_translated(self, as_code.setText, lambda: self.tr("As code:"))
        right.addWidget(as_code)
        right.addWidget(self.code)
        right.addWidget(self.error)
        right.addWidget(self.overwrites)
        right.addWidget(self.replace)
        rules_title = QLabel()
        keep_translated(self, rules_title.setText, lambda: self.tr(
            "Rules kept in this project (replayed by Reset Parameters from Seed and in exported code):"))
        rules_title.setWordWrap(True)
        right.addWidget(rules_title)
        rules_row = QHBoxLayout()
        rules_row.addWidget(self.rules, 1)
        rules_row.addWidget(self.remove_rule, 0, Qt.AlignmentFlag.AlignTop)
        right.addLayout(rules_row, 1)
        body = QHBoxLayout()
        body.addWidget(left_widget, 0)
        body.addLayout(right, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body)
        outer.addWidget(self.buttons)
        self.resize(980, 640)

    def _connect(self) -> None:
        self.function.currentIndexChanged.connect(self._function_changed)
        for signal in (self.gain_check.toggled, self.gain_nonlinearity.currentIndexChanged,
                       self.gain_param.valueChanged, self.parameters.currentIndexChanged, self.scopes.buttonToggled,
                       self.kind.currentIndexChanged, self.expression_check.toggled, self.expression.textChanged):
            signal.connect(self.schedule)
        self.expression.textChanged.connect(lambda text: self.expression_check.setChecked(bool(text.strip())))
        self.apply_button.clicked.connect(self.apply)
        self.remove_rule.clicked.connect(self._remove_rule)
        self.buttons.rejected.connect(self.reject)
        self.rules.currentRowChanged.connect(lambda row: self.remove_rule.setEnabled(row >= 0))
        self.gain_nonlinearity.currentIndexChanged.connect(self._update_gain_param)
        self.gain_check.toggled.connect(self._update_gain_param)
        self.replace.toggled.connect(self._mark_replaced)
        self.escape.watch(self.expression, self.gain_param)
        self.session.selection_changed.connect(self._follow)
        self.session.undo_stack.indexChanged.connect(self._follow)

    def _follow(self, *args: object) -> None:
        if self.isVisible() and not self._dropping:
            self.refresh_targets()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Never shorter than the wrapped texts need at this width (Qt's minimum ignores word wrap): no overlaps."""
        layout = self.layout()
        need = layout.minimumHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self._selection_seen = None  # opened again, the selection of that moment chooses the scope

    # ------------------------------------------------------------- state
    @property
    def init(self) -> InitFunction:
        """The chosen ``nn.init`` function."""
        return INIT_FUNCTIONS[self.function.currentText().removeprefix("nn.init.")]

    def _function_changed(self) -> None:
        init = self.init
        self.function_doc.setText(catalog_text(init.doc))
        while self.args_form.rowCount():
            self.args_form.removeRow(0)
        self.arg_widgets = {}
        for arg in init.args:
            widget = argument_widget(arg.name, arg.default, arg.kind, arg.choices, self.schedule)
            widget.setToolTip(catalog_text(arg.doc))
            self.arg_widgets[arg.name] = widget
            self.escape.watch(widget)
            self.args_form.addRow(arg.name, widget)
        if not init.args:
            self.args_form.addRow(QLabel(self.tr("This function takes no arguments.")))
        self.gain_widget.setVisible(init.gain)  # kaiming_* compute their gain from nonlinearity and a
        self._update_gain_param()
        self.schedule()

    def _update_gain_param(self, *args: object) -> None:
        on = self.gain_check.isChecked()
        self.gain_nonlinearity.setEnabled(on)
        self.gain_param.setVisible(self.gain_nonlinearity.currentText() == "leaky_relu")
        self.gain_param.setEnabled(on)
        gain = self.arg_widgets.get("gain")
        if gain is not None:
            gain.setEnabled(not on)
            gain.setToolTip(self.tr("set by calculate_gain") if on else self.tr("scales the spread"))

    def args(self) -> dict[str, Any]:
        """The function's arguments as the form sets them."""
        return argument_values(self.arg_widgets)

    def selected_paths(self) -> list[str]:
        """The paths of the blocks selected on the canvas."""
        return [n.path() for n in self.session.selected_nodes()]

    def refresh_targets(self) -> None:
        """Follow the canvas selection and the design's kinds.

        A new selection (or the dialog opening) with blocks in it makes "the selected blocks" the scope, and
        their kind the kind; losing the selection falls back to a kind. Otherwise the user's choice stays.
        """
        project = self.session.project
        selected = self.selected_paths()
        count = len(selected)
        news = tuple(selected) != self._selection_seen
        self._selection_seen = tuple(selected)
        self.scope_selected.setText(self.tr("the selected block (1)") if count == 1 else
                                    self.tr("the selected blocks ({count})").format(count=count) if count
                                    else self.tr("the selected blocks (none selected)"))
        self.scope_selected.setEnabled(bool(count))
        present = sorted({b.layer.kind.name for b in project.blocks()
                          if any(True for _ in b.layer.module.parameters())})
        current = self.kind.currentText()
        self.kind.blockSignals(True)
        self.kind.clear()
        self.kind.addItems(present or [k.name for k in kinds() if k.name == "Linear"])
        chosen = [n.layer.kind.name for n in self.session.selected_nodes() if hasattr(n, "layer")]
        preferred = [k for k in (*chosen, "Linear", "Conv2d") if k in present]
        keep = current in present and not (news and chosen and chosen[0] in present)
        self.kind.setCurrentText(current if keep else (preferred or present or ["Linear"])[0])
        self.kind.blockSignals(False)
        if count and (news or not self.scopes.checkedButton()):
            self.scope_selected.setChecked(True)
        elif not self.scopes.checkedButton() or (self.scope_selected.isChecked() and not count):
            (self.scope_kind if present else self.scope_all).setChecked(True)
        self.rules.clear()
        for number, rule in enumerate(project.init_rules, start=1):
            self.rules.addItem(f"{number}. {model_text(rule.describe())}")
        if not project.init_rules:
            self.rules.addItem(self.tr("None yet: every layer has its own default init (e.g. Linear: "
                                       "U(−1/√in, 1/√in))."))
            self.rules.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self.overwritten = []  # the rule numbers may have changed: found again with the preview
        self._show_overwrites()
        self.remove_rule.setEnabled(self.rules.currentRow() >= 0)
        self.schedule()

    def rule(self) -> InitRule:
        """The rule the form describes (raises the Project's ValidationError when it is not valid)."""
        project = self.session.project
        expression = self.expression.text().strip() if self.expression_check.isChecked() else None
        gain_from = None
        if self.init.gain and self.gain_check.isChecked():
            name = self.gain_nonlinearity.currentText()
            gain_from = (name, self.gain_param.value() if name == "leaky_relu" else None)
        scope: dict[str, Any] = {}
        if self.scope_selected.isChecked():
            scope["blocks"] = self.selected_paths()
        elif self.scope_kind.isChecked():
            scope["kind"] = self.kind.currentText()
        args = self.args()
        if gain_from is not None:
            args.pop("gain", None)  # calculate_gain gives it
        return project.make_init_rule(self.init.name, parameters=self.parameters.currentData(),
                                      expression=expression or None, gain_from=gain_from, **scope, **args)

    # ----------------------------------------------------------- preview
    def schedule(self, *args: object) -> None:
        """Update the preview a moment after the last change (typing coalesces into one update)."""
        self._timer.start()

    def update_preview(self) -> None:
        """Check the rule now; preview its values (drawn in a worker) or say what is wrong."""
        self._timer.stop()  # this is the update a pending one would make
        project = self.session.project
        self.code.setText("")  # never the code of an earlier choice next to this one's error
        self.overwritten = []
        try:
            rule = self.rule()
            self.code.setText(rule_program(project, rule))
            if not check_rule(rule, project.root):
                raise ValidationError(self.tr("Nothing to fill: {rule} matches no parameter of this design.").format(
                    rule=model_text(rule.describe())))
            self.preview.request(project, rule)
        except LayerLabError as exc:
            self.error.setText(model_text(exc))
            self.apply_button.setEnabled(False)
            self.preview.clear(self.tr("the rule does not fit (see the message below)"))
            self._show_overwrites()
            return
        self.error.setText("")
        self.apply_button.setEnabled(True)
        self.overwritten = overwrites(project, rule)
        self._show_overwrites()

    def _show_overwrites(self) -> None:
        """Say which kept rules the new one overwrites; offer to replace those it overwrites entirely."""
        text, label = overwrite_text(self.overwritten), replace_label(self.overwritten)
        self.overwrites.setText(text)
        self.overwrites.setVisible(bool(text))
        self.replace.setText(label)
        self.replace.setVisible(bool(label))
        self._mark_replaced()
        self._fit_height()

    def replaced_rules(self) -> list[int]:
        """Indices (into ``project.init_rules``) of the rules Apply will remove: the same rule applied again, and
        those it overwrites whole when Replace is ticked."""
        return [o.index for o in self.overwritten if o.whole and (o.same or self.replace.isChecked())]

    def _mark_replaced(self, *args: object) -> None:
        """Strike through, in the list of kept rules, those that Apply will replace (not the same rule applied again:
        it stays, drawn afresh)."""
        replaced = set(self.replaced_rules()) - {o.index for o in self.overwritten if o.same}
        for row in range(min(self.rules.count(), len(self.session.project.init_rules))):
            item = self.rules.item(row)
            font = item.font()
            font.setStrikeOut(row in replaced)
            item.setFont(font)
            item.setToolTip(self.tr("Apply removes this rule: the new one replaces it.") if row in replaced else "")

    def apply(self) -> None:
        """Apply the rule as one undoable command."""
        try:
            rule = self.rule()
        except LayerLabError as exc:
            self.error.setText(model_text(exc))
            return
        runner = self.session.runner
        runner.failed.connect(self._refused)
        try:
            # The new undo step refreshes the targets (_follow). A refusal must not: the preview it schedules
            # would clear the message saying why.
            replaced = self.replaced_rules()
            if replaced:
                self._apply_replacing(rule, replaced)
            else:
                runner.run(InitializeCommand(self.session.project, rule))
        finally:
            runner.failed.disconnect(self._refused)

    def _refused(self, message: str) -> None:
        """The command was refused: say why, in the current language."""
        self.error.setText(model_text(message))

    def _apply_replacing(self, rule: InitRule, replaced: list[int]) -> None:
        """Apply ``rule`` and remove the kept rules it overwrites (``replaced``), as one undo step.

        When the weights were exactly the seed's, they are then reset from the seed, which replays the rules
        that remain: the values stay exactly what the seed and the rules in the list give (what exported code
        builds), as if the replaced rules had never been applied.
        """
        project, runner, stack = self.session.project, self.session.runner, self.session.undo_stack
        exact = project.weights_from_seed  # apply_init asks too: the answer is kept
        numbers = ", ".join(str(i + 1) for i in replaced)
        stack.beginMacro((self.tr("Initialize: {rule} (replaces rule {numbers})") if len(replaced) == 1 else
                          self.tr("Initialize: {rule} (replaces rules {numbers})")).format(
                              rule=model_text(rule.describe()), numbers=numbers))
        applied = runner.run(InitializeCommand(project, rule))
        if applied:
            for index in sorted(replaced, reverse=True):  # the last first: earlier indices stay valid
                runner.run(RemoveInitRuleCommand(project, index))
            if exact:
                runner.run(ResetParametersCommand(project))
        self._dropping = not applied
        try:
            stack.endMacro()
            if not applied:  # refused: nothing changed, so no empty step may stay in the history
                stack.command(stack.index() - 1).setObsolete(True)
                stack.undo()
        finally:
            self._dropping = False

    def _remove_rule(self) -> None:
        row = self.rules.currentRow()
        if 0 <= row < len(self.session.project.init_rules):
            self.session.runner.run(RemoveInitRuleCommand(self.session.project, row))  # _follow refreshes
