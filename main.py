"""LayerLab: ``python main.py`` opens the editor; see ``python main.py --help``."""

from editor.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
