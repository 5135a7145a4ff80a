"""The standard checks of evalrules, one plugin per family, using only evalrules' public API.

- ``balance``: ``sum`` — a total equals the sum of its parts;
- ``execution``: ``ratio``, ``growth``, ``compare`` — rates, shares, changes, orderings;
- ``scoring``: ``score_le_weight``, ``weights_sum``, ``scores_sum``, ``grade``, ``score_formula``;
- ``consistency``: ``repeated``, ``department`` — one figure stated twice alike, one department;
- ``structure``: ``sections``, ``item_numbers`` — section numbering without duplicates or gaps, a
  paragraph's numbered items without a repeat;
- ``blanks``: ``blanks``, ``blank_fields`` — a template's gaps left without their figure, a
  form's identity field left empty;
- ``counts``: ``listed_count`` — a count and the names listed after it;
- ``framework``: ``framework`` — the indicator tree against a declared framework.
"""
