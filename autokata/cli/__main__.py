"""`python -m autokata.cli`: the `autokata` console script, for when it is not on PATH."""

from autokata.cli import main

raise SystemExit(main())
