"""Personal pronouns: the third person's with their gender and number, the one table the entity stage resolves
pronouns with and the stages after it check agreement against ("Castro said she ...": a "she" is not the speaker
called "he"); and the first and second person's, the speaker's own voice and the person spoken to, with their case,
which the quotes and events stages test for ("“my inability ...”", "I support Ted Cruz")."""

from __future__ import annotations

__all__ = ["PRONOUNS", "SPEAKER_PRONOUNS", "gendered", "speaker_pronouns"]

# pronoun → (gender, number); gender "m"/"f" for persons, "n" for things
PRONOUNS = {
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"), "himself": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"), "hers": ("f", "sg"), "herself": ("f", "sg"),
    "it": ("n", "sg"), "its": ("n", "sg"), "itself": ("n", "sg"),
    "they": ("", "pl"), "them": ("", "pl"), "their": ("", "pl"), "theirs": ("", "pl"), "themselves": ("", "pl"),
}

# first- and second-person pronoun → (person, cases); a case is "subject", "object", "possessive" (my, mine) or
# "reflexive"; "you" is both subject and object
SPEAKER_PRONOUNS = {
    "i": (1, ("subject",)), "me": (1, ("object",)), "my": (1, ("possessive",)), "mine": (1, ("possessive",)),
    "myself": (1, ("reflexive",)),
    "we": (1, ("subject",)), "us": (1, ("object",)), "our": (1, ("possessive",)), "ours": (1, ("possessive",)),
    "ourselves": (1, ("reflexive",)),
    "you": (2, ("subject", "object")), "your": (2, ("possessive",)), "yours": (2, ("possessive",)),
    "yourself": (2, ("reflexive",)), "yourselves": (2, ("reflexive",)),
}


def gendered(gender: str) -> frozenset[str]:
    """The pronouns of one gender ("m" or "f"): he, him, his, himself."""
    return frozenset(word for word, (g, _) in PRONOUNS.items() if g == gender)


def speaker_pronouns(persons: tuple[int, ...] = (1, 2), cases: tuple[str, ...] = ("subject", "object", "possessive")) -> frozenset[str]:
    """The first- and second-person pronouns of the given persons in any of the given cases: (1,), ("subject",) are
    "i" and "we"."""
    return frozenset(w for w, (p, cs) in SPEAKER_PRONOUNS.items() if p in persons and any(c in cases for c in cs))
