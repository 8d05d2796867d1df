"""The text summary of a design: ``print(model)``, a table of blocks, and totals."""

from __future__ import annotations

from editor.model.catalog.build import format_bytes
from editor.model.catalog.hyperparameters import block_label
from editor.model.design.tree import Block
from editor.model.design.view import DesignView


def summary_rows(project: DesignView) -> list[tuple[str, str, str, str]]:
    """(path, kind and key hyperparameters, output shape, parameters) for every block and group."""
    rows = []
    walked = list(project.walk())
    first_use: dict[int, str] = {}  # id(layer) -> the path of its first block (paths come in order)
    for path, node in walked:
        if isinstance(node, Block):
            first_use.setdefault(id(node.layer), path)
    for path, node in walked:
        if isinstance(node, Block):
            what = block_label(node.layer.kind, node.layer.params)
            first = first_use[id(node.layer)]
            if first != path:  # linear in the number of blocks, however many share one module
                what += f"  (shares weights with {first})"
        else:
            what = f"Sequential ({len(node.children)} blocks)"  # type: ignore[attr-defined]
        if node.error is not None:
            shape = "shape error"
        else:
            shape = str(node.out_spec.shape) if node.out_spec is not None else "?"
        count = sum(p.numel() for p in node.module.parameters())
        rows.append((path, what, shape, f"{count:,}"))
    return rows


def summarize(project: DesignView) -> str:
    """``print(model)``, then the block table, then totals and parameter memory."""
    rows = summary_rows(project)
    header = ("Block", "Layer", "Output shape", "Params")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(4)]
    rule = "-" * (sum(widths) + 6)
    lines = [repr(project.model), "", rule]
    for path, what, shape, count in [header, *rows]:
        if path != header[0]:
            path = "  " * path.count(".") + path
        lines.append(f"{path:<{widths[0]}}  {what:<{widths[1]}}  {shape:<{widths[2]}}  {count:>{widths[3]}}")
        if path == header[0]:
            lines.append(rule)
    lines.append(rule)
    if project.input_shape is not None:
        lines.append(f"Input shape: {project.input_shape}")
    error = project.shape_error
    lines.append(f"Shapes: {'OK' if error is None else error}")
    total, trainable = project.count_parameters(), project.count_parameters(trainable_only=True)
    lines.append(f"Total params: {total:,}")
    lines.append(f"Trainable params: {trainable:,}")
    lines.append(f"Non-trainable params: {total - trainable:,}")
    lines.append(f"Parameter memory: {format_bytes(project.parameter_bytes())}")
    return "\n".join(lines)
