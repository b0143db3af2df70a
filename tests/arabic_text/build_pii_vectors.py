"""Builds tests/pii_vectors.json: inputs and their expected masks, made by construction.

The expected mask of each number is built from the digits it was typed from and the
positions each kind keeps visible, never by running the masker. Run it after adding
cases: `.venv/bin/python tests/arabic_text/build_pii_vectors.py`.
"""

import itertools
import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "pii_vectors.json"

AR = "٠١٢٣٤٥٦٧٨٩"
FA = "۰۱۲۳۴۵۶۷۸۹"


def script(digits, how, k=0):
    if how == "latin":
        return digits
    if how == "arabic":
        return "".join(AR[int(c)] for c in digits)
    if how == "persian":
        return "".join(FA[int(c)] for c in digits)
    if how == "mixed":  # alternate scripts digit by digit
        return "".join([c, AR[int(c)], FA[int(c)]][i % 3] for i, c in enumerate(digits))


def keep_positions(kind, n):
    last = {n - 2, n - 1}
    if kind == "national_id":
        return {0} | last
    if kind == "phone":
        return set(range(n - 8)) | last
    return last


def build(digits, layout, sep, how, kind, prefix=""):
    """Typed form and its expected mask."""
    typed, masked, i = prefix, prefix, 0
    keep = keep_positions(kind, len(digits))
    for g, size in enumerate(layout):
        if g:
            typed += sep
            masked += sep
        for _ in range(size):
            ch = (
                script(digits[i], how) if how != "mixed" else [digits[i], AR[int(digits[i])], FA[int(digits[i])]][i % 3]
            )
            typed += ch
            masked += ch if i in keep else "*"
            i += 1
    assert i == len(digits)
    return typed, masked


SEPS = {
    "comma": ",",
    "arabic_thousands": "٬",
    "arabic_comma": "،",
    "dot": ".",
    "underscore": "_",
    "dash": "-",
    "space": " ",
    "nbsp": "\u00a0",
    "thin_space": "\u2009",
    "narrow_nbsp": "\u202f",
    "lrm": "\u200e",
    "rlm": "\u200f",
    "alm": "\u061c",
    "lre_pdf": "\u202a\u202c",
    "lri_pdi": "\u2069\u2066",
    "newline": "\n",
    "spaced_dash": " - ",
    "comma_space": ", ",
    "arabic_comma_space": "، ",
    "space_and_rlm": "\u200f \u200f",
    "none": "",
}
vectors = []


def add(name, text, expected, kinds):
    vectors.append({"name": name, "input": text, "expected": expected, "kinds": kinds})


contexts = [
    ("رقم هويتي {} شكرا", "sentence"),
    ("{}", "alone"),
    ("الهوية:{}", "after_colon"),
    ("ورقمي{}", "touching_arabic"),
]
# National IDs: one Luhn-valid, one not (a mistyped ID is still masked)
for digits in ("1012345672", "2000000001", "1012345678"):
    for (sname, sep), layout, how in itertools.product(
        SEPS.items(), [(4, 3, 3), (3, 3, 4), (1, 3, 3, 3), (2, 4, 4)], ["latin", "arabic", "persian", "mixed"]
    ):
        if sname == "none" and layout != (4, 3, 3):
            continue
        if digits != "1012345672" and (how in ("persian", "mixed") or layout not in [(4, 3, 3)]):
            continue
        typed, masked = build(digits, layout, sep, how, "national_id")
        ctx, cname = contexts[(len(vectors)) % len(contexts)]
        add(
            f"national_id/{digits}/{sname}/{'-'.join(map(str, layout))}/{how}/{cname}",
            ctx.format(typed),
            ctx.format(masked),
            ["national_id"],
        )

phones = [  # (prefix typed, digits, layout)
    ("", "0551234567", (3, 3, 4)),
    ("", "0551234567", (4, 3, 3)),
    ("", "0551234567", (10,)),
    ("+", "966551234567", (3, 2, 3, 4)),
    ("+", "966551234567", (12,)),
    ("+ ", "966551234567", (3, 9)),
    ("", "00966551234567", (5, 2, 3, 4)),
    ("", "00966551234567", (14,)),
    ("", "966551234567", (3, 2, 3, 4)),
    ("", "966551234567", (12,)),
    ("+", "9660551234567", (3, 3, 3, 4)),
    ("", "551234567", (2, 3, 4)),
    ("", "551234567", (9,)),
]
for (prefix, digits, layout), (sname, sep), how in itertools.product(
    phones, SEPS.items(), ["latin", "arabic", "persian", "mixed"]
):
    skipped = (
        sname == "none"
        or (len(layout) == 1 and sname != "space")
        or (how != "latin" and sname not in ("space", "dash", "arabic_thousands", "lrm", "nbsp"))
    )
    if skipped and not (len(layout) == 1 and sname == "space"):
        continue
    typed, masked = build(digits, layout, sep, how, "phone", prefix)
    ctx, cname = [("جوالي {} تواصلوا", "sentence"), ("{}", "alone"), ("اتصل على{}", "touching_arabic")][
        len(vectors) % 3
    ]
    add(
        f"phone/{prefix.strip() or 'noplus'}{digits}/{sname}/{'-'.join(map(str, layout))}/{how}/{cname}",
        ctx.format(typed),
        ctx.format(masked),
        ["phone"],
    )

iban = "0380000000608010167519"
for (sname, sep), how, letters in itertools.product(SEPS.items(), ["latin", "arabic", "mixed"], ["SA", "sa", "Sa"]):
    if (
        sname in ("newline",)
        or (how != "latin" and sname not in ("space", "dash"))
        or (letters != "SA" and sname not in ("space", "none"))
    ):
        continue
    typed, masked = build(iban, (2, 4, 4, 4, 4, 4), sep, how, "iban", letters)
    add(f"iban/{letters}/{sname}/{how}", f"الايبان {typed} لو سمحت", f"الايبان {masked} لو سمحت", ["iban"])
typed, masked = build(iban, (2, 4, 4, 4, 4, 4), " ", "latin", "iban", "SA ")
add("iban/SA_space_before_digits", typed, masked, ["iban"])

for email, masked in [
    ("ahmad.ali@example.com", "a********@*******.com"),
    ("Sara_99@mail.example.sa", "S******@****.*******.sa"),
    ("x.y+tag@gov.sa", "x******@***.sa"),
    ("1012345672@gmail.com", "1*********@*****.com"),
]:
    add(f"email/{email}", f"ايميلي {email} شكرا", f"ايميلي {masked} شكرا", ["email"])
    add(f"email/{email}/touching_arabic_and_punctuation", f"الايميل:{email}،", f"الايميل:{masked}،", ["email"])

# Several in one message, split over parts and lines
t1, m1 = build("1012345672", (4, 3, 3), "٬", "arabic", "national_id")
t2, m2 = build("966551234567", (3, 2, 3, 4), " ", "latin", "phone", "+")
t3, m3 = build(iban, (2, 4, 4, 4, 4, 4), " ", "latin", "iban", "SA")
add(
    "several/id_phone_iban_email_lines",
    f"هويتي {t1}\nجوالي {t2}\nالايبان {t3}\nوالايميل a.b@c.com",
    f"هويتي {m1}\nجوالي {m2}\nالايبان {m3}\nوالايميل a**@*.com",
    ["national_id", "phone", "iban", "email"],
)
t1, m1 = build("1012345672", (4, 3, 3), "\n", "latin", "national_id")
add("several/id_split_over_lines", f"الهوية\n{t1}\nشكرا", f"الهوية\n{m1}\nشكرا", ["national_id"])
t1, m1 = build("1012345672", (10,), "", "latin", "national_id")
t2, m2 = build("0551234567", (10,), "", "latin", "phone")
add("several/id_then_phone_comma_space", f"{t1}، {t2}", f"{m1}، {m2}", ["national_id", "phone"])
add("several/amount_then_id", f"دخلي 1,320 ريال وهويتي {t1}", f"دخلي 1,320 ريال وهويتي {m1}", ["national_id"])
add("several/date_time_then_id", f"2023-11-01 12:30 {t1}", f"2023-11-01 12:30 {m1}", ["national_id"])
add("several/amount_list_then_phone", f"1,100 و 550 و {t2}", f"1,100 و 550 و {m2}", ["phone"])

plain = [
    "الحد 1,100 ريال و 550 لكل تابع",
    "المبلغ 1,320 ريال",
    "8 000 ريال",
    "8\u00a0000 ريال",
    "١٬١٠٠ ريال",
    "١٬٣٢٠ ريال شهريا",
    "2,420",
    "٢٬٤٢٠",
    "1.320,50",
    "عندي 5 أطفال",
    "عندي ٣ عيال و٢ بنات",
    "من تاريخ 2023-11-01 الساعة 12:30",
    "2023-11-01 12",
    "1985-04-12",
    "12-04-1985",
    "12.04.1985",
    "١٤٠٥/٠٧/٢٢",
    "صدر في 2/4/1442",
    "2023_11_01",
    "hash 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
    "token a1000000008b and 1000000008ab and x0551234567",
    "hmac:1000000008a55d0551234567ff",
    "12345678901 is eleven digits",
    "09876543210",
    "confidence 0.5512345678 and 3.1000000008",
    "epoch 1700000000.125",
    "3000000001",
    "0451234567",
    "1 2 3 4 5",
    "1,320,000",
    "500 ريال × 12 شهر",
    "SA123",
    "ايميل بدون نطاق ahmad@",
    "المسار /api/v1/conversations/abc/tracker",
    "postgresql://user:pass@localhost/db",
    "1*******72",
    "05******67",
    "+9665******67",
    "SA****************19",
    "a********@*******.com",
]
for text in plain:
    add(f"not_pii/{text[:30]}", text, text, [])
# Answers to the status lookup's questions: every digit hidden, masked numbers kept as masked.
all_digits = [
    ("1985-04-12", "****-**-**"),
    ("١٩٨٥/٠٤/١٢", "****/**/**"),
    ("ميلادي 12/4/1985", "ميلادي **/*/****"),
    ("سجلت في ٣ ١٤٤٥", "سجلت في * ****"),
    ("1*******08", "1*******08"),
    ("1000000008", "1*******08"),
    ("هويتي ١٠١٢٬٣٤٥٬٦٧٢ ومواليدي 1985", "هويتي ١***٬***٬*٧٢ ومواليدي ****"),
    ("بدون أرقام", "بدون أرقام"),
    ("****-**-**", "****-**-**"),
    ("رمضان ١٤٤٥ هـ", "رمضان **** هـ"),
]
DESCRIPTION = (
    "Masking vectors shared by tests/arabic_text/test_pii_vectors.py and webchat/tests/pii_mask.test.mjs. "
    "Each input must mask to expected; kinds lists what find_pii reports, in order. Built by construction "
    "(the expected mask hides every digit except the kept ones), not by running the masker."
)
with open(OUT, "w", encoding="utf-8") as out:
    json.dump(
        {
            "description": DESCRIPTION,
            "vectors": vectors,
            "all_digits_vectors": [{"input": i, "expected": e} for i, e in all_digits],
        },
        out,
        ensure_ascii=False,
        indent=1,
    )
print(len(vectors))
