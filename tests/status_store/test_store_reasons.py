"""An ineligible answer names the failed condition's category, never the file's own words or figures."""

import pytest

from status_store.reasons import CATEGORY_LABELS, reason_category, reason_label


@pytest.mark.parametrize(
    "stored, category",
    [
        ("دخل الأسرة الشهري أعلى من المبلغ المرجعي للبرنامج.", "income_above_limit"),
        ("الدخل 4,200 ريال يتجاوز الحد 2,420 ريال", "income_above_limit"),
        ("راتب التقاعد 3100", "income_above_limit"),
        ("يملك عقاراً ثانياً بقيمة 900,000 ريال", "high_value_assets"),
        ("أصول عالية القيمة (أسهم 250 ألف)", "high_value_assets"),
        ("غير مقيم في المملكة 8 أشهر من 12", "residence"),
        ("يقيم في دار رعاية", "care_facility"),
        ("لا يوجد حساب بنكي باسم المستفيد", "bank_account"),
        ("رفض برامج التأهيل والتوظيف 3 مرات", "rehabilitation"),
        ("الأبناء غير مسجلين في المدارس", "education_health"),
        ("income_above_limit", "income_above_limit"),
        ("Bank account missing", "bank_account"),
        ("قرار اللجنة رقم 55/7", "other"),
    ],
)
def test_stored_reason_maps_to_its_category(stored, category):
    assert reason_category(stored) == category


@pytest.mark.parametrize(
    "stored", ["الدخل 4,200 ريال يتجاوز الحد 2,420 ريال", "يملك عقاراً بقيمة 900000", "قرار اللجنة رقم 55/7"]
)
def test_label_shown_to_the_applicant_has_no_figures(stored):
    label = reason_label(stored)
    assert label in CATEGORY_LABELS.values()
    assert not any(ch.isdigit() for ch in label)


@pytest.mark.parametrize("stored", [None, "", "   "])
def test_no_reason_gives_no_label(stored):
    assert reason_label(stored) is None
