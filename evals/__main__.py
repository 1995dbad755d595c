"""``python -m evals``: see `evals.cli`."""

from evals.cli import main

raise SystemExit(main())
