"""`brief-tui serve`: the same reader in a browser tab, one reader process per tab.

Imports aiohttp and textual-serve, so only `cli_serve` imports this package, and only when
the command is run.
"""
