// Masks personal data before the browser keeps a copy of the conversation:
// Saudi national IDs / iqamas, Saudi mobiles, Saudi IBANs and e-mail addresses,
// in Latin, Arabic-Indic or Persian digits, however they are grouped.
//
// This is a line-by-line port of arabic_text/pii_find.py and arabic_text/pii.py
// (read their docstrings for the why). tests/pii_vectors.json is run by both
// pytest and `node --test tests/arabic_text/pii_mask.test.mjs`, so the two cannot
// drift apart: change one, change the other, and add vectors.

import { ANY_DIGIT_CLASS, latinDigits } from "./digits.js";

export const SEPARATOR_CHARS =
  " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" +
  "\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff" +
  "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u0640" +
  ",\u066c\u060c._-\u2010\u2011\u2012\u2013\u2014\u2015\u2212()\u066b";
const SEPARATORS = new Set(SEPARATOR_CHARS);
const MAX_GAP = 6;
const DATE_SEPARATORS = new Set(["-", ".", "_"]);
const MAX_DIGITS = 15;

const PHONE = /^(?:(?:00)?9660?5[0-9]{8}|0?5[0-9]{8})$/;
const PHONE_AFTER_PLUS = /^9660?5[0-9]{8}$/;
const NATIONAL_ID = /^[12][0-9]{9}$/;

const SEP_CLASS = "[" + [...SEPARATOR_CHARS].map((ch) => ("\\]-^".includes(ch) ? "\\" + ch : ch)).join("") + "]";
const IBAN = new RegExp(`(?<![A-Za-z0-9])[Ss][Aa](?:${SEP_CLASS}{0,${MAX_GAP}}[0-9]){22}(?![0-9A-Za-z])`, "g");
const EMAIL = /(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}(?![A-Za-z0-9])/g;
const D = ANY_DIGIT_CLASS;
const DIGIT_ANY = new RegExp(`^[${D}]$`);
// What maskPii leaves of an ungrouped number: "1*******08", "05******67".
const ALREADY_MASKED = new RegExp(`(?<![${D}*])[${D}]{0,6}\\*{5,}[${D}]{0,2}(?![${D}*])`, "g");

const isDigit = (ch) => ch >= "0" && ch <= "9";
const isAsciiLetter = (ch) => (ch >= "a" && ch <= "z") || (ch >= "A" && ch <= "Z");

export const asciiDigits = latinDigits;

export function classifyDigits(digits, afterPlus = false) {
  if (afterPlus) return PHONE_AFTER_PLUS.test(digits) ? "phone" : null;
  if (NATIONAL_ID.test(digits)) return "national_id";
  if (PHONE.test(digits)) return "phone";
  return null;
}

function joinable(text, gapStart, gapEnd) {
  const gap = gapEnd - gapStart;
  if (gap <= 0 || gap > MAX_GAP) return false;
  for (let k = gapStart; k < gapEnd; k++) if (!SEPARATORS.has(text[k])) return false;
  return true;
}

function spans(text) {
  const out = [];
  let current = [];
  let i = 0;
  while (i < text.length) {
    if (!isDigit(text[i])) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isDigit(text[i])) i++;
    if (current.length && joinable(text, current[current.length - 1][1], start)) current.push([start, i]);
    else {
      if (current.length) out.push(current);
      current = [[start, i]];
    }
  }
  if (current.length) out.push(current);
  return out;
}

function looksLikeDate(text, triple) {
  const [a, b, c] = triple.map(([s, e]) => text.slice(s, e));
  let year, month, day;
  if (a.length === 4 && b.length <= 2 && c.length <= 2) [year, month, day] = [+a, +b, +c];
  else if (c.length === 4 && a.length <= 2 && b.length <= 2) {
    [year, month, day] = [+c, +b, +a];
    if (month > 12 && day <= 12) [month, day] = [day, month];
  } else return false;
  return year >= 1300 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

function plusBefore(text, position) {
  let k = position - 1;
  while (k >= 0 && position - k <= 3 && SEPARATORS.has(text[k]) && !",.\u066c\u060c".includes(text[k])) k--;
  return k >= 0 && text[k] === "+" ? k : null;
}

function protectedGroups(text, groups) {
  const count = groups.length;
  const prot = new Array(count).fill(false);
  const seps = [];
  for (let k = 0; k < count - 1; k++) seps.push(text.slice(groups[k][1], groups[k + 1][0]));
  const lengths = groups.map(([s, e]) => e - s);
  const singleDot = seps.filter((s) => s === ".").length === 1 && plusBefore(text, groups[0][0]) === null;
  seps.forEach((sep, k) => {
    if (sep === "\u066b" || (sep === "." && singleDot && Math.max(lengths[k], lengths[k + 1]) >= 5)) {
      prot[k] = prot[k + 1] = true;
    }
  });
  for (let k = 0; k < count - 2; k++) {
    if (seps[k] === seps[k + 1] && DATE_SEPARATORS.has(seps[k])) {
      const before = k > 0 ? seps[k - 1] : null;
      const after = k + 2 < seps.length ? seps[k + 2] : null;
      if (seps[k] !== before && seps[k] !== after && looksLikeDate(text, groups.slice(k, k + 3))) {
        prot[k] = prot[k + 1] = prot[k + 2] = true;
      }
    }
  }
  const firstStart = groups[0][0];
  const lastEnd = groups[count - 1][1];
  if (firstStart > 0 && isAsciiLetter(text[firstStart - 1])) prot[0] = true;
  if (lastEnd < text.length && isAsciiLetter(text[lastEnd])) prot[count - 1] = true;
  return prot;
}

function longestFrom(text, groups, prot, i) {
  let digits = "";
  const candidates = [];
  for (let j = i; j < groups.length; j++) {
    if (prot[j]) break;
    digits += text.slice(groups[j][0], groups[j][1]);
    if (digits.length > MAX_DIGITS) break;
    candidates.push([j, digits]);
  }
  const plus = i === 0 ? plusBefore(text, groups[i][0]) : null;
  for (let c = candidates.length - 1; c >= 0; c--) {
    const [j, ds] = candidates[c];
    if (plus !== null) {
      const kind = classifyDigits(ds, true);
      if (kind) return [kind, plus, j];
    }
    const kind = classifyDigits(ds);
    if (kind) return [kind, groups[i][0], j];
  }
  return null;
}

// Every national ID, Saudi mobile, Saudi IBAN and e-mail: [{kind, start, end}], in order.
export function findPii(text) {
  if (typeof text !== "string" || !text) return [];
  const found = [];
  let blanked = asciiDigits(text);
  for (const [kind, pattern] of [["email", EMAIL], ["iban", IBAN]]) {
    const current = blanked;
    for (const m of current.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      found.push({ kind, start, end });
      blanked = blanked.slice(0, start) + "#".repeat(end - start) + blanked.slice(end);
    }
  }
  for (const groups of spans(blanked)) {
    const prot = protectedGroups(blanked, groups);
    let i = 0;
    while (i < groups.length) {
      const match = prot[i] ? null : longestFrom(blanked, groups, prot, i);
      if (!match) {
        i++;
        continue;
      }
      const [kind, start, j] = match;
      found.push({ kind, start, end: groups[j][1] });
      i = j + 1;
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function keptDigitPositions(kind, count) {
  const keep = new Set([count - 2, count - 1]);
  if (kind === "national_id") keep.add(0);
  if (kind === "phone") for (let k = 0; k < count - 8; k++) keep.add(k);
  return keep;
}

function maskEmail(text) {
  const at = text.indexOf("@");
  const local = text.slice(0, at);
  const labels = text.slice(at + 1).split(".");
  const hidden = labels.map((label, k) => (k < labels.length - 1 ? "*".repeat(label.length) : label));
  return local.slice(0, 1) + "*".repeat(local.length - 1) + "@" + hidden.join(".");
}

function maskMatch(kind, original) {
  if (kind === "email") return maskEmail(original);
  const ascii = asciiDigits(original);
  let count = 0;
  for (const ch of ascii) if (isDigit(ch)) count++;
  const keep = keptDigitPositions(kind, count);
  let out = "";
  let index = 0;
  for (let k = 0; k < original.length; k++) {
    if (isDigit(ascii[k])) {
      out += keep.has(index) ? original[k] : "*";
      index++;
    } else out += original[k];
  }
  return out;
}

// `text` with every national ID, phone, IBAN and e-mail masked; same length.
export function maskPii(text) {
  if (typeof text !== "string" || !text) return text;
  const found = findPii(text);
  if (!found.length) return text;
  let out = "";
  let cursor = 0;
  for (const { kind, start, end } of found) {
    out += text.slice(cursor, start) + maskMatch(kind, text.slice(start, end));
    cursor = end;
  }
  return out + text.slice(cursor);
}

// Every other digit hidden too: for answers to the status lookup's questions
// (arabic_text.pii.mask_all_digits). IDs and phones keep their usual mask.
export function maskAllDigits(text) {
  if (typeof text !== "string" || !text) return text;
  const found = findPii(text);
  const masked = maskPii(text);
  const keep = new Array(text.length).fill(false);
  for (const { start, end } of found) for (let k = start; k < end; k++) keep[k] = true;
  for (const m of text.matchAll(ALREADY_MASKED)) for (let k = m.index; k < m.index + m[0].length; k++) keep[k] = true;
  let out = "";
  for (let k = 0; k < masked.length; k++) out += !keep[k] && DIGIT_ANY.test(masked[k]) ? "*" : masked[k];
  return out;
}

// A copy of a JSON-like value with every string masked (object keys kept).
export function maskPiiIn(value) {
  if (typeof value === "string") return maskPii(value);
  if (Array.isArray(value)) return value.map(maskPiiIn);
  if (value && typeof value === "object") {
    const copy = {};
    for (const [key, item] of Object.entries(value)) copy[key] = maskPiiIn(item);
    return copy;
  }
  return value;
}
