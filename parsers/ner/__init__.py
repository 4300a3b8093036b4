"""Named-entity recognition for wire copy, one job per module.

``tokens`` finds candidate runs of capitalized words with one regex pass;
``features`` turns a token in context into feature strings (shared by the
trainer and the tagger so they can never drift apart); ``tagger`` scores
candidate tokens with a shipped averaged-perceptron model; ``gazetteer``
loads the hand-written name lists; ``aliases`` groups mentions into
entities; ``roles`` reads titles; ``numbers`` and ``dates`` find quantities
and dates.
"""
