from assistant.cli.main import entry

entry()
