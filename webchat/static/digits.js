// The digits people type, and their Latin equivalents: the browser's copy of
// saudi_locale/digits.py (Python cannot be imported here). Both are checked against
// tests/saudi_locale/digit_vectors.json (test_digits.py and digits.test.mjs), so the
// two tables cannot drift apart.

export const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";
export const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";
// Character-class body for any digit, for use inside [...] in a RegExp.
export const ANY_DIGIT_CLASS = `0-9${ARABIC_INDIC[0]}-${ARABIC_INDIC[9]}${PERSIAN[0]}-${PERSIAN[9]}`;
const NON_LATIN_DIGIT = new RegExp(`[${ARABIC_INDIC[0]}-${ARABIC_INDIC[9]}${PERSIAN[0]}-${PERSIAN[9]}]`, "g");

// `text` with every Arabic-Indic and Persian digit as its Latin digit; same length.
export function latinDigits(text) {
  return String(text).replace(NON_LATIN_DIGIT, (ch) => {
    const a = ARABIC_INDIC.indexOf(ch);
    return String(a >= 0 ? a : PERSIAN.indexOf(ch));
  });
}

// `text` with every Latin digit as its Arabic-Indic digit; same length.
export function arabicIndicDigits(text) {
  return String(text).replace(/[0-9]/g, (d) => ARABIC_INDIC[Number(d)]);
}
