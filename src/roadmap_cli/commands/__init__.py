"""One module per command or group: parse arguments, call the core, hand the result to
:func:`roadmap_cli.render.emit`."""
