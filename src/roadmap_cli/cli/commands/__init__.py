"""One module per command family, named as the command is typed."""
