import pytest

from embedlab.snippets import ROOT, run


@pytest.fixture
def run_snippet():
    """Run snippets/<relpath> as a reader would; fail with its error output if it does not exit cleanly."""

    def _run(relpath: str, *args: str) -> str:
        result = run(ROOT / "snippets" / relpath, *args)
        assert result.returncode == 0, f"{relpath} failed:\n{result.stderr[-3000:]}"
        return result.stdout

    return _run


@pytest.fixture
def recorded_output():
    """The output of snippets/<relpath> that the page shows (recorded by `python -m embedlab.snippets`)."""
    return lambda relpath: (ROOT / "snippets" / relpath).with_suffix(".out").read_text()
