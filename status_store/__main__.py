import sys

from status_store.cli import main

sys.exit(main())
