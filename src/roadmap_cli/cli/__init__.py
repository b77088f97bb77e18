"""Everything typer: the app, the console-script entry, completion, the commands."""
