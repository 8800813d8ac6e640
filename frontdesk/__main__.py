"""`python -m frontdesk` runs the command line (the GUI by default)."""

from frontdesk.cli import main

raise SystemExit(main())
