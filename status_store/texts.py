"""Arabic texts of the status store, in one place: the reason categories an applicant
reads, and what staff read when a CSV import or a command fails.

Problems are said in Arabic and English; the English twin stays with the code that
finds the problem. Templates take {placeholders} filled with str.format by the caller;
no figure of an applicant's file is ever typed here.
"""

from __future__ import annotations

# Reason category code -> the label the bot shows for an ineligible decision (reasons.py).
CATEGORY_LABELS: dict[str, str] = {
    "income_above_limit": "الدخل أعلى من الحد",
    "high_value_assets": "امتلاك أصول أو أملاك عالية القيمة",
    "nationality": "شرط الجنسية غير متحقق",
    "residence": "شرط الإقامة في المملكة غير متحقق",
    "care_facility": "الإقامة في دار رعاية أو مركز إيواء",
    "bank_account": "عدم وجود حساب بنكي باسم المستفيد",
    "education_health": "عدم استكمال متطلبات التعليم أو الصحة",
    "rehabilitation": "عدم الالتزام ببرامج التأهيل والتوظيف",
    "age": "شرط العمر غير متحقق",
    "incomplete_data": "نقص في البيانات أو المستندات",
    "other": "سبب آخر، تجده مفصلاً في منصة الدعم والحماية الاجتماعية",
}

# ---- CSV import (csv_rows.py, csv_import.py) ----------------------------------------
# arabic_text.check_national_id's problem codes -> (Arabic, English).
NATIONAL_ID_PROBLEMS: dict[str, tuple[str, str]] = {
    "no_digits": ("رقم الهوية فارغ", "national_id is empty"),
    "wrong_length": ("رقم الهوية يجب أن يتكوّن من 10 أرقام", "national_id must have 10 digits"),
    "wrong_first_digit": ("رقم الهوية يجب أن يبدأ بالرقم 1 أو 2", "national_id must start with 1 or 2"),
    "checksum": (
        "رقم الهوية غير صحيح: رقم التحقق لا يطابق",
        "national_id fails its check digit (Luhn)",
    ),
}
DATE_COLUMN_LABELS: dict[str, str] = {
    "birth_date": "تاريخ الميلاد",
    "registration_date": "تاريخ التسجيل",
    "decision_date": "تاريخ القرار",
}
DATE_HINT_AR = "استخدم الصيغة 1990-01-31 أو الهجرية 1410/07/05"
# One problem as staff read it: "السطر 3: ... | line 3 (status): ...".
ROW_PROBLEM_LINE = "السطر {line}: {message_ar} | line {line} ({column}): {message_en}"
# Joins column names in an Arabic list ("أعمدة ناقصة: status، reason").
LIST_SEPARATOR = "، "
CSV_PROBLEMS: dict[str, str] = {
    "date_required": "{label} مطلوب",
    "date_unreadable": "{label} غير مقروء؛ {hint}",
    "status": "الحالة يجب أن تكون under_review أو eligible أو ineligible",
    "reason_required": "سبب عدم الأهلية مطلوب",
    "reason_too_long": "السبب أطول من {max_chars} حرف",
    "birth_in_future": "تاريخ الميلاد في المستقبل",
    "registration_in_future": "تاريخ التسجيل في المستقبل",
    "registration_before_birth": "تاريخ التسجيل قبل تاريخ الميلاد",
    "decision_before_registration": "تاريخ القرار قبل تاريخ التسجيل",
    "decision_while_under_review": "الطلب تحت الدراسة فلا يكون له تاريخ قرار",
    "missing_columns": "أعمدة ناقصة: {columns}",
    "unknown_columns": "أعمدة غير معروفة: {columns}",
    "duplicate_national_id": "رقم الهوية مكرر، ورد في السطر {first_line}",
    "too_many_cells": "عدد الخانات أكثر من الأعمدة؛ ضع السبب بين علامتي تنصيص إن كان فيه فاصلة",
    "no_rows": "الملف لا يحتوي أي صف",
}

# ---- the command line (cli.py): Arabic, then English, on one line ---------------------
CLI_MESSAGES: dict[str, str] = {
    "file_not_found": "الملف غير موجود | file not found: {path}",
    "nothing_imported": "لم يُستورد أي صف ({count} خطأ) | nothing imported: {count} problem(s)",
    "imported": "تم الاستيراد | imported: {created} new, {updated} updated",
    "no_handoffs": "لا توجد طلبات | no handoff requests",
    "handoff_not_found": "لا يوجد طلب بالرقم {id} | no handoff request #{id}",
}

# Who ended a request for a person that the applicant took back (handoff_desk.withdraw_handoff),
# as staff read it in the inbox's "handled by".
WITHDRAWN_BY_APPLICANT = "المتقدم (ألغى الطلب)"
