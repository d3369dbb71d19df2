"""What a word is (:mod:`.tokens`), defined once for the diff, the aligner and the obligations."""
