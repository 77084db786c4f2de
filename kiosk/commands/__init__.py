"""One module per `kiosk` subcommand, each with `add_arguments(parser)` and `run(args) -> int`."""
