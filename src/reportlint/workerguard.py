"""Imported first by a local scan's fork server (``multiprocessing`` "forkserver" preload).

A fork server is a child of the scan; the workers are its children, not the scan's. Importing this
module asks the kernel to kill the fork server when the scan dies (Linux ``PR_SET_PDEATHSIG``), and
each worker asks the same of the fork server (``batch._worker_main``), so killing a scan leaves
nothing running. Import it nowhere else: the process that imports it dies with its parent.
"""

from reportlint.limits import die_with_parent

die_with_parent()
