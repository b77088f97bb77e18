"""Run the CLI as ``python -m roadmap_cli``."""

from roadmap_cli.cli.entry import main

if __name__ == "__main__":
    main()
