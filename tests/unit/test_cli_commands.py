"""The command line registers only the module of the command it runs, and every command when none is named."""

from __future__ import annotations

import importlib

from consult_desktop import cli


def test_command_name_skips_options_and_their_values() -> None:
    assert cli.command_name(["--data-dir", "sync", "-v", "stats"]) == "stats"
    assert cli.command_name(["--passphrase-file", "f", "sync", "--json"]) == "sync"
    assert cli.command_name(["--data-dir=x", "server", "set"]) == "server"
    assert cli.command_name(["--help"]) is None
    assert cli.command_name([]) is None


def test_a_command_loads_only_its_own_module() -> None:
    assert cli.command_modules(["--data-dir", "d", "sync"]) == ("consult_desktop.commands.sync",)
    assert cli.command_modules(["restore", "f"]) == ("consult_desktop.commands.backup",)
    assert cli.command_modules(["--help"]) == cli.COMMAND_MODULES
    assert cli.command_modules(["not-a-command"]) == cli.COMMAND_MODULES


def test_every_listed_command_belongs_to_the_module_named_for_it() -> None:
    parser = cli.build_parser([])
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert set(cli.COMMAND_OWNERS) <= set(commands)
    for name, owner in cli.COMMAND_OWNERS.items():
        only = cli.build_parser([name], every_command=False)
        choices = next(a for a in only._actions if a.dest == "command").choices
        assert name in choices, (name, owner)
        assert importlib.import_module(f"consult_desktop.commands.{owner}")
