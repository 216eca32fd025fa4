"""CAMEO event coding: triggers from per-language patterns, roles, modality, evidence spans."""
