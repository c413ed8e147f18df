"""The return leg: vendor work product back to the firm, through the guard, to attorney
sign-off and a re-identified deliverable.

* :mod:`~lpo_review.returns.formats` — what a vendor may send back (the packet's DOCX, a
  JSON or CSV coding sheet) and how each is read;
* :mod:`~lpo_review.returns.package` — the vendor's signed, sealed return package;
* :mod:`~lpo_review.returns.importer` — the firm's checks and the stored work product;
* :mod:`~lpo_review.returns.review` — the guard over the vendor's words, the diff, sign-off;
* :mod:`~lpo_review.returns.deliver` — the firm's final, re-identified deliverable.
"""
