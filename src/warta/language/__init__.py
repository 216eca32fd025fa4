"""Language identification and sentence splitting."""
