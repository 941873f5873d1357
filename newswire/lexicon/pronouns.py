"""Third-person pronouns with their gender and number: the one table the entity stage resolves pronouns with and
the stages after it check agreement against ("Castro said she ...": a "she" is not the speaker called "he")."""

from __future__ import annotations

__all__ = ["PRONOUNS", "gendered"]

# pronoun → (gender, number); gender "m"/"f" for persons, "n" for things
PRONOUNS = {
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
    "it": ("n", "sg"), "its": ("n", "sg"), "itself": ("n", "sg"),
    "they": ("", "pl"), "them": ("", "pl"), "their": ("", "pl"), "theirs": ("", "pl"), "themselves": ("", "pl"),
}


def gendered(gender: str) -> frozenset[str]:
    """The pronouns of one gender ("m" or "f"): he, him, his, himself."""
    return frozenset(word for word, (g, _) in PRONOUNS.items() if g == gender)
