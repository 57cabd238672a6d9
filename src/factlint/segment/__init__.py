"""Stage 3, segment: prose segments -> sentences with offsets."""

from factlint.segment.sentences import Sentence, split_sentences

__all__ = ["Sentence", "split_sentences"]
