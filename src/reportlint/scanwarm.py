"""Loaded once by a local scan's fork server (``multiprocessing`` "forkserver" preload).

Importing this module warms a process for linting: the segmenter (with jieba's whole dictionary, which
pays off over the many reports a worker cuts), the rules and their lexicons, the
HTML templates' module and the MinHash code. Scan workers are then forked from that warm process, so
each starts in milliseconds instead of paying the imports and loads itself (about 0.5 s of CPU), and
a worker that dies is replaced just as fast. A failure here is ignored: the worker warms itself.
"""

import contextlib

with contextlib.suppress(Exception):
    from reportlint.batch import _warm

    _warm()
with contextlib.suppress(Exception):
    from reportlint.nlp import tokenizer

    tokenizer().load_whole()  # workers cut many reports: the whole dictionary, built once here and shared
