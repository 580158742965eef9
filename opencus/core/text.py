"""Text folding shared by the searches: what a user types without Polish letters still finds."""

import unicodedata

# NFKD leaves "ł" whole; fold it by hand.
_FOLD = str.maketrans({"ł": "l", "Ł": "l"})


def fold(text: str) -> str:
    """Lowercase ASCII: ``Dowóz posiłków`` → ``dowoz posilkow``, ``Wójcik`` → ``wojcik``."""
    text = text.translate(_FOLD).lower()
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
