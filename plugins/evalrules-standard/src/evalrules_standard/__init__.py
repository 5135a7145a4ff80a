"""The standard checks of evalrules, one plugin per family, using only evalrules' public API.

- ``balance``: ``sum`` — a total equals the sum of its parts;
- ``execution``: ``ratio``, ``growth``, ``compare`` — rates, shares, changes, orderings;
- ``scoring``: ``score_le_weight``, ``weights_sum``, ``scores_sum``, ``grade``, ``score_formula``;
- ``consistency``: ``repeated``, ``department`` — one figure stated twice alike, one department;
- ``structure``: ``sections`` — section numbering without duplicates or gaps;
- ``blanks``: ``blanks`` — a template's gaps left without their figure;
- ``counts``: ``listed_count`` — a count and the names listed after it;
- ``framework``: ``framework`` — the indicator tree against a declared framework.
"""
