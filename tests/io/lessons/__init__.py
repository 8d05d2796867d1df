"""Tests of the lessons in resources/examples: their texts and their project files."""
