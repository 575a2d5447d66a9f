from hrdwatch.cli import main


def test_help_lists_every_hrdwatch_command_with_one_line(capsys):
    main(["hrdwatch", "--help"])
    out = capsys.readouterr().out
    lines = {
        line.split()[0]: line for line in out.splitlines() if line.startswith("  ") and line.strip()
    }
    for command in ["import", "export", "demo"]:
        assert command in lines
        assert len(lines[command].split()) > 2  # a description follows the name
    assert "migrate" not in lines  # Django's own commands are mentioned, not listed
