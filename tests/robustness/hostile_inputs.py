"""What the robustness tests feed warta: the issue's poison records and a good record beside them."""

from __future__ import annotations

GOOD_ID = ("Presiden Joko Widodo bertemu Perdana Menteri Jepang di Jakarta pada hari Senin untuk "
           "membahas kerja sama ekonomi kedua negara.")
GOOD_EN = ("Russia attacked Ukraine on Monday, officials in Kyiv said, and the United Nations "
           "condemned the strike.")
DEEP = '{"id":"b","text":' + "[" * 100_000 + "]" * 100_000 + "}"
HUGE_INT = '{"id":' + "9" * 5000 + ',"text":"Putin bertemu Kim di Moskow pada hari Selasa."}'
