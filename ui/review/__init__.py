"""The coordinator's review of submitted interviews: the queue page and the review dialog.

The screens are thin: what they show comes from `rhi_desktop.review` as plain data, and
a decision is handed back to `rhi_desktop.review.decide` as one store transaction.
"""
