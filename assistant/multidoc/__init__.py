"""Claims across several documents: merging restatements (``combining``), counting independent
origins and chains (``independence``), settling the status from every mention (``settling``) and
the per-claim timeline (``timeline``). The rules are explained in docs/check.md."""

from assistant.multidoc.combining import combine_documents

__all__ = ["combine_documents"]
