"""Test support shipped with the package: draft pairs with known truth (:mod:`.generate`) and the scores of an
alignment against that truth (:mod:`.evaluate`). Nothing in the pipeline imports this package."""
