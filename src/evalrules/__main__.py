import sys

from evalrules.cli import main

sys.exit(main())
