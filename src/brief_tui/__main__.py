"""`python -m brief_tui` runs the same command line as `brief-tui`."""

from brief_tui.cli import main

raise SystemExit(main())
