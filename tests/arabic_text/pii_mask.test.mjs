// The browser's masking (webchat/static/pii_mask.js) over the shared vectors in
// tests/pii_vectors.json, the same file tests/arabic_text/test_pii_vectors.py reads.
// Run: node --test tests/arabic_text/pii_mask.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { findPii, maskAllDigits, maskPii, maskPiiIn } from "../../webchat/static/pii_mask.js";

const { vectors, all_digits_vectors: allDigits } = JSON.parse(readFileSync(new URL("../pii_vectors.json", import.meta.url), "utf8"));

test("the shared vector file is not empty", () => {
  assert.ok(vectors.length > 100);
});

for (const vector of vectors) {
  test(`masks ${vector.name}`, () => {
    assert.equal(maskPii(vector.input), vector.expected);
    assert.deepEqual(findPii(vector.input).map((m) => m.kind), vector.kinds);
  });
}

test("masking twice changes nothing more", () => {
  for (const vector of vectors) assert.equal(maskPii(vector.expected), vector.expected);
});

test("every string inside a stored entry is masked, other values are kept", () => {
  const entry = { who: "bot", kind: "text", text: "هويتك 1012345672", n: 3, buttons: [{ title: "0551234567" }] };
  const masked = maskPiiIn(entry);
  assert.deepEqual(masked, { who: "bot", kind: "text", text: "هويتك 1*******72", n: 3, buttons: [{ title: "05******67" }] });
  assert.equal(entry.text, "هويتك 1012345672", "the input is not changed in place");
});

for (const vector of allDigits) {
  test(`hides every digit of the lookup answer ${vector.input}`, () => {
    assert.equal(maskAllDigits(vector.input), vector.expected);
  });
}
