"""The language layer: the one place that owns spaCy, and the shared pure text helpers.

- ``nlp``: loads the spaCy pipeline named by ``settings.FACTDECK_SPACY_MODEL`` once per process, lazily (never at
  import time, so a web page that does not need it never pays for it), and parses text.
Nothing outside this package imports spaCy.
"""
