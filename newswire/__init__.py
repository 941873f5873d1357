"""newswire: who said what, who did what to whom, when and where, from English news.

    >>> import newswire
    >>> a = newswire.analyze(text, published="2013-09-13")
    >>> print(a.to_json())
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newswire")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0+unknown"

from .errors import NewswireError  # noqa: E402
from .pipeline import analyze, analyze_article  # noqa: E402
from .records import Analysis  # noqa: E402

__all__ = ["analyze", "analyze_article", "Analysis", "NewswireError", "__version__"]
