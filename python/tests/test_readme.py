"""The README's complete example runs as written."""

from __future__ import annotations

import pathlib
import re


def test_the_readme_example_runs(capsys):
    readme = (pathlib.Path(__file__).resolve().parents[1] / "README.md").read_text()
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.DOTALL)
    example = max(blocks, key=len)
    exec(compile(example, "python/README.md", "exec"), {"__name__": "readme"})
    printed = capsys.readouterr().out
    assert "<himkit.Ranking weighted-sum: 5 ranked" in printed
    assert "weights.total-cost: -1 is not a finite, non-negative weight" in printed
    assert "IoError 2" in printed
