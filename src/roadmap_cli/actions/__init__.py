"""One module per command family: load, call, save; returns a result with to_json().

No typer and no rich here: the CLI and the terminal UI both call these."""
