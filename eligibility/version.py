"""The version of the rules code: the one place it is kept (OpenFisca keeps its country package's).

Bump it with every change to how the rules use the parameters, and add the same
version as a heading in eligibility/CHANGELOG.md (tests/eligibility checks that they
agree). A change of parameter values alone is dated in parameters/*.yaml and needs
no bump: the period is the other half of `rules_version`.

Semantic versioning: major for a breaking change of inputs or payload, minor for a
change of a rule or an added output, patch for a fix that changes no result.
"""

from __future__ import annotations

__version__ = "2.1.0"
