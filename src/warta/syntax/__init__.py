"""Dependency parsing for Indonesian and English: spaCy models trained on UD, shipped in the package.

    from warta.syntax.parse import parse_words
    doc = parse_words("id", ["Rusia", "menyerang", "Ukraina", "."], [True, True, False, False])
    [(t.text, t.dep_, t.head.text) for t in doc]
    # [('Rusia', 'nsubj', 'menyerang'), ('menyerang', 'ROOT', 'menyerang'), ('Ukraina', 'obj', ...), ...]

Modules: `conllu` (read UD treebanks and re-cut them to warta's tokens), `train` (build and train
the models; `warta train parser`), `parse` (load the shipped models, parse a caller's tokens),
`evaluate` (UAS/LAS/UPOS). spaCy is imported only when a parser is loaded or trained, so
importing this package stays cheap. The models are a derived work of CC BY-SA UD treebanks: see
`models/<lang>/LICENSE-DATA.md`.
"""
