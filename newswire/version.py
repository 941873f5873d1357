"""The installed version of newswire, in one module that imports nothing of newswire.

Whoever stamps a version on what they write (the pipeline on each analysis,
the store on each run) imports it from here, never from the package's
`__init__`, so no module depends on the order in which `__init__` runs.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newswire")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"
