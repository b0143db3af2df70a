"""Staff accounts: creating them from the command line and checking a sign-in."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Optional

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from review.passwords import DUMMY_HASH, check_strength, hash_password, verify_password
from review.review_db import STAFF

_USERNAME = re.compile(r"^[\w.\-]{3,64}$")


class AccountError(ValueError):
    """A staff account cannot be created or changed; the message is for the operator."""


@dataclass(frozen=True)
class Staff:
    id: int
    username: str


def normalize_username(name: str) -> str:
    return (name or "").strip().lower()


def add_staff(engine: Engine, username: str, password: str, *, replace: bool = False) -> Staff:
    """Create an account (or, with replace, set a new password). Weak passwords are refused."""
    name = normalize_username(username)
    if not _USERNAME.match(name):
        raise AccountError("اسم المستخدم من 3 إلى 64 حرفًا أو رقمًا (ويُسمح بـ _ . -).")
    check_strength(password, name)
    hashed = hash_password(password)
    with engine.begin() as connection:
        existing = connection.execute(sa.select(STAFF.c.id).where(STAFF.c.username == name)).first()
        if existing and not replace:
            raise AccountError(f"الحساب {name} موجود؛ استخدم --replace لتغيير كلمة المرور.")
        if existing:
            connection.execute(STAFF.update().where(STAFF.c.id == existing.id).values(password_hash=hashed))
            return Staff(existing.id, name)
        result = connection.execute(STAFF.insert().values(username=name, password_hash=hashed, created_at=time.time()))
        return Staff(int(result.inserted_primary_key[0]), name)


def authenticate(engine: Engine, username: str, password: str) -> Optional[Staff]:
    """The account when the password is right, else None (same work either way)."""
    name = normalize_username(username)
    with engine.connect() as connection:
        row = connection.execute(sa.select(STAFF).where(STAFF.c.username == name)).first()
    if row is None:
        verify_password(password, DUMMY_HASH)
        return None
    return Staff(row.id, row.username) if verify_password(password, row.password_hash) else None


def staff_by_id(engine: Engine, staff_id: int) -> Optional[Staff]:
    with engine.connect() as connection:
        row = connection.execute(sa.select(STAFF).where(STAFF.c.id == staff_id)).first()
    return Staff(row.id, row.username) if row else None
