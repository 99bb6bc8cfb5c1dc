import sys

from hearthside.cli import main

sys.exit(main())
