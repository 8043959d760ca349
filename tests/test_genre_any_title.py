"""genre: one search for any title pattern (and any cue) finds what searching each pattern finds."""

from pathlib import Path

from reportlint.genre import _any_title, _cue_pattern, genres


def test_any_title_and_cue_equal_each_pattern():
    root = Path(__file__).resolve().parents[1] / "corpora"
    for path in sorted(root.glob("*/*.txt"))[::4]:
        text = path.read_text(encoding="utf-8")
        for s in [text[:400], *text.splitlines()[:8]]:
            for g in genres():
                named = _any_title(g.title_patterns)
                assert (named is not None and named.search(s) is not None) == any(p.search(s) for p in g.title_patterns)
                cue = _cue_pattern(g.cues)
                assert (cue is not None and cue.search(s) is not None) == any(c in s for c in g.cues)
