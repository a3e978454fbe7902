"""The validation page's cases: one module per part of the model, each defining `CASES`.

`docs/validation.py` discovers every module here (but `common`) and renders its cases into
docs/background/validation.md; see `cases.common.Case` for what a case states.
"""
