"""Report → [Finding]: rulesets, rule types, binding of facts, arithmetic and diagnoses."""
