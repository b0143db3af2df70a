// What the widget keeps of the status lookup's answers (issue 11: the browser's saved
// history). Run: node --test tests/webchat/lookup_answers.test.mjs
import { test } from "node:test";
import assert from "node:assert/strict";

import { asksForMaskedReply, entriesFromBotMessage } from "../../webchat/static/messages.js";
import { isLookupAnswer, storable } from "../../webchat/static/storage.js";

const DIGITS = /[0-9\u0660-\u0669\u06f0-\u06f9]/g;
const readableDigits = (text) => (text.match(DIGITS) || []).length;

test("the directive is found as the event data, under custom or under data", () => {
  assert.equal(asksForMaskedReply({ reply_kept_masked: true }), true);
  assert.equal(asksForMaskedReply({ custom: { reply_kept_masked: true } }), true);
  assert.equal(asksForMaskedReply({ data: { reply_kept_masked: true } }), true);
  assert.equal(asksForMaskedReply({ text: "كم عمرك؟" }), false);
  assert.equal(asksForMaskedReply({ custom: { reply_kept_masked: "yes" } }), false);
  assert.equal(asksForMaskedReply(null), false);
});

test("the directive shows nothing in the chat", () => {
  assert.deepEqual(entriesFromBotMessage({ reply_kept_masked: true }), []);
  assert.deepEqual(entriesFromBotMessage({ custom: { reply_kept_masked: true } }), []);
});

for (const text of ["١٢/٤/١٩٨٥", "12-4-1985", "مواليد ١٤٠٥/٧/٢٢ هجري", "سجلت في ٣/٢٠٢٤", "رمضان ١٤٤٥", "١٢ ابريل ١٩٨٥"]) {
  test(`a reply to a lookup question keeps no digit: ${text}`, () => {
    assert.equal(isLookupAnswer(text, true), true);
    const kept = storable({ who: "user", kind: "text", text, lookupAnswer: true });
    assert.equal(readableDigits(kept.text), 0, kept.text);
    assert.equal(kept.text.length, text.length);
  });
}

for (const text of ["رقم هويتي 1012345672 وتاريخ ميلادي 12/4/1985", "هويتي ١٠١٢٣٤٥٦٧٢ ميلادي ١٤٠٥/٧/٢٢", "2087654325 مواليد 1990"]) {
  test(`a message carrying a national ID is a lookup answer, its date hidden too: ${text}`, () => {
    assert.equal(isLookupAnswer(text, false), true);
    const kept = storable({ who: "user", kind: "text", text, lookupAnswer: true });
    assert.ok(!/1985|١٤٠٥|1990/.test(kept.text), kept.text);
  });
}

for (const text of ["دخلي 1,320 ريال", "عمري 45 وعندي 3 عيال", "التاريخ 2023-11-01", "رقمي 0551234567"]) {
  test(`other numbers still read as numbers outside the lookup: ${text}`, () => {
    assert.equal(isLookupAnswer(text, false), false);
    const kept = storable({ who: "user", kind: "text", text });
    assert.ok(readableDigits(kept.text) >= 2, kept.text);
  });
}

test("a bot entry is stored with its personal numbers masked but its other digits", () => {
  const kept = storable({ who: "bot", kind: "text", text: "الحد ١٬٣٢٠ ريال", asksLookup: true });
  assert.equal(kept.text, "الحد ١٬٣٢٠ ريال");
  assert.equal(kept.asksLookup, true);
});

// The transcript is saved again after each message, reloaded entries included: saving
// twice must keep what saving once kept (an ID's masked form, "1***,***,*72").
for (const text of ["رقمي 1012,345,672", "رقمي ١٠١٢٬٣٤٥٬٦٧٢ ومواليد ١٩٨٥", "١٢/٤/١٩٨٥"]) {
  test(`saving a lookup answer again changes nothing: ${text}`, () => {
    const once = storable({ who: "user", kind: "text", text, lookupAnswer: true });
    const twice = storable(JSON.parse(JSON.stringify(once)));
    assert.deepEqual(twice, once);
    assert.equal(readableDigits(once.text) <= 3, true, once.text);
  });
}
