"""The fitted logistic models of the stages' confidences: their weights, and the probability they give."""

from __future__ import annotations

import math

from . import load_table
from .tables import ModelWeight


def model_weights(name: str) -> dict[str, float]:
    """The weights of the model in data file `name`, by feature name ("bias": the intercept)."""
    return {row.feature: row.weight for row in load_table(name, ModelWeight)}


def probability(weights: dict[str, float], values: dict[str, float]) -> float:
    """The probability a logistic model with these weights gives these feature values, rounded to two decimals
    (a feature without a weight counts for nothing)."""
    z = weights.get("bias", 0.0) + sum(weights.get(name, 0.0) * value for name, value in values.items())
    return round(1.0 / (1.0 + math.exp(-z)), 2)
