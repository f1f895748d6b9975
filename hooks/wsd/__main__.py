"""``python -m wsd``: see :mod:`wsd.cli`."""

import sys

from .cli import main

sys.exit(main())
