"""Teacher pages (``teach``: builder, results, exports) and learner pages for taking a quiz (``take``)."""
