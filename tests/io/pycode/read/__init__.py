"""Tests of reading the file's own nn.Module classes (editor.io.pycode.read.classes)."""
