"""Named-entity recognition for wire copy, one job per module.

``tokens`` finds candidate runs of capitalized words with one regex pass;
``features`` turns a token in context into feature strings (shared by the
trainer and the tagger so they can never drift apart); ``tagger`` scores
candidate tokens with the shipped averaged-perceptron model (trained on
CoNLL-2003 eng.train by tools/train_ner.py); ``gazetteer`` loads the
hand-written name lists; ``aliases`` groups mentions into entities; ``roles``
reads titles and appositions; ``dates``, ``numbers`` and ``numerals`` find
dates and quantities; ``fastre`` builds the keyword tries that keep the scans fast.
"""
