"""Staff accounts: creating them from the command line and checking a sign-in."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from review.passwords import DUMMY_HASH, check_strength, hash_password, verify_password
from review.review_db import STAFF
from review.texts import ACCOUNT_ERRORS

_USERNAME_MIN, _USERNAME_MAX = 3, 64
_USERNAME = re.compile(rf"^[\w.\-]{{{_USERNAME_MIN},{_USERNAME_MAX}}}$")
# An agent sees the inbox queue and the conversations they hold; a supervisor sees
# every conversation in the inbox and can give one to someone else.
AGENT, SUPERVISOR = "agent", "supervisor"
ROLES = (AGENT, SUPERVISOR)


class AccountError(ValueError):
    """A staff account cannot be created or changed; the message is for the operator."""


@dataclass(frozen=True)
class Staff:
    id: int
    username: str
    role: str = AGENT

    @property
    def is_supervisor(self) -> bool:
        return self.role == SUPERVISOR


def normalize_username(name: str) -> str:
    return (name or "").strip().lower()


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AccountError(ACCOUNT_ERRORS["role"].format(agent=AGENT, supervisor=SUPERVISOR))
    return role


def add_staff(engine: Engine, username: str, password: str, *, replace: bool = False, role: str | None = None) -> Staff:
    """Create an account (or, with replace, set a new password). Weak passwords are refused.

    `role` is "agent" (the default for a new account) or "supervisor"; when replacing a
    password without a role, the account keeps its role.
    """
    name = normalize_username(username)
    if not _USERNAME.match(name):
        raise AccountError(ACCOUNT_ERRORS["username"].format(min_chars=_USERNAME_MIN, max_chars=_USERNAME_MAX))
    if role is not None:
        _check_role(role)
    check_strength(password, name)
    hashed = hash_password(password)
    with engine.begin() as connection:
        existing = connection.execute(sa.select(STAFF.c.id, STAFF.c.role).where(STAFF.c.username == name)).first()
        if existing and not replace:
            raise AccountError(ACCOUNT_ERRORS["exists"].format(name=name))
        if existing:
            changes = {"password_hash": hashed, **({"role": role} if role else {})}
            connection.execute(STAFF.update().where(STAFF.c.id == existing.id).values(**changes))
            return Staff(existing.id, name, role or existing.role)
        result = connection.execute(
            STAFF.insert().values(username=name, password_hash=hashed, created_at=time.time(), role=role or AGENT)
        )
        return Staff(int(result.inserted_primary_key[0]), name, role or AGENT)


def set_role(engine: Engine, username: str, role: str) -> Staff:
    """Make an existing account an agent or a supervisor."""
    name = normalize_username(username)
    _check_role(role)
    with engine.begin() as connection:
        row = connection.execute(sa.select(STAFF.c.id).where(STAFF.c.username == name)).first()
        if row is None:
            raise AccountError(ACCOUNT_ERRORS["not_found"].format(name=name))
        connection.execute(STAFF.update().where(STAFF.c.id == row.id).values(role=role))
    return Staff(row.id, name, role)


def staff_names(engine: Engine) -> list[str]:
    """Every account's user name, sorted (the supervisor's reassign list)."""
    with engine.connect() as connection:
        return [row.username for row in connection.execute(sa.select(STAFF.c.username).order_by(STAFF.c.username))]


def authenticate(engine: Engine, username: str, password: str) -> Staff | None:
    """The account when the password is right, else None (same work either way)."""
    name = normalize_username(username)
    with engine.connect() as connection:
        row = connection.execute(sa.select(STAFF).where(STAFF.c.username == name)).first()
    if row is None:
        verify_password(password, DUMMY_HASH)
        return None
    return Staff(row.id, row.username, row.role) if verify_password(password, row.password_hash) else None


def staff_by_id(engine: Engine, staff_id: int) -> Staff | None:
    with engine.connect() as connection:
        row = connection.execute(sa.select(STAFF).where(STAFF.c.id == staff_id)).first()
    return Staff(row.id, row.username, row.role) if row else None
