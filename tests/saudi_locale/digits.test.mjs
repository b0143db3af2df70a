// The widget's digit table (webchat/static/digits.js) over the shared vectors that
// tests/saudi_locale/test_digits.py checks saudi_locale/digits.py with.
// Run: node --test tests/saudi_locale/digits.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { ANY_DIGIT_CLASS, ARABIC_INDIC, PERSIAN, arabicIndicDigits, latinDigits } from "../../webchat/static/digits.js";

const vectors = JSON.parse(readFileSync(new URL("./digit_vectors.json", import.meta.url), "utf8"));

test("same tables", () => {
  assert.equal(ARABIC_INDIC, vectors.arabic_indic);
  assert.equal(PERSIAN, vectors.persian);
});

test("to Latin", () => {
  for (const { input, latin } of vectors.to_latin) assert.equal(latinDigits(input), latin);
});

test("to Arabic-Indic", () => {
  for (const { input, arabic_indic: expected } of vectors.to_arabic_indic) assert.equal(arabicIndicDigits(input), expected);
});

test("any-digit class", () => {
  const any = new RegExp(`^[${ANY_DIGIT_CLASS}]+$`);
  assert.ok(any.test(vectors.arabic_indic + vectors.persian + "0123456789"));
  assert.ok(!any.test("بدون"));
});
