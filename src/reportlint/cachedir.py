"""The folder where reportlint keeps what it derives once from its data (never the user's reports).

``REPORTLINT_CACHE_DIR`` when it names a writable folder (created if missing); otherwise the system's
temporary folder. What lives there: jieba's dictionary as memory-mapped tries (``nlp.py``), parsed
lexicons and compiled regular expressions (``warmcache.py``). Every file is keyed by what it was derived
from (sizes, modification times, versions) and rebuilt when that changes; a missing or unwritable folder
only costs the time of deriving again.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    """REPORTLINT_CACHE_DIR when it is a writable folder (created if missing), else the system's temporary folder."""
    wanted = os.environ.get("REPORTLINT_CACHE_DIR")
    if wanted:
        p = Path(wanted)
        try:
            p.mkdir(parents=True, exist_ok=True)
            if os.access(p, os.W_OK | os.X_OK):
                return p
        except OSError:
            pass
    return Path(tempfile.gettempdir())
