// How numbers, dates, links and phone numbers look in the widget. Mirrors
// arabic_text/display.py: one digit style for everything shown (the DISPLAY_DIGITS
// setting, passed in /config.js as "digits": "arab" by default, or "latn"), dates in
// year-month-day order inside <bdi dir="ltr"> so the RTL text cannot reorder them,
// URLs and the ministry's phone numbers as links. Text only ever goes in through
// textContent / createTextNode.

import { ANY_DIGIT_CLASS, arabicIndicDigits, latinDigits } from "./digits.js";

const CONFIG = window.WEBCHAT_CONFIG || {};
export const DIGITS = CONFIG.digits === "latn" ? "latn" : "arab";

export { latinDigits };

// Digits of `text` in the configured style; "," and "." between digits become the
// Arabic thousands and decimal signs in the Arabic-Indic style.
export function displayDigits(text, style = DIGITS) {
  const latin = latinDigits(text).replace(/٬/g, ",").replace(/٫/g, ".");
  if (style === "latn") return latin;
  return latin
    .replace(/(?<=\d)[,.](?=\d)/g, (sep) => (sep === "," ? "٬" : "٫"))
    .replace(/\d/g, (d) => arabicIndicDigits(d));
}

const NUMBER = new Intl.NumberFormat(`ar-SA-u-nu-${DIGITS}`, { maximumFractionDigits: 0 });
export function formatNumber(value) {
  return NUMBER.format(value);
}

// Links, bare ministry domains, phone numbers (unified 19xxx / 800 / 9200 numbers and
// Saudi mobiles) and dates, in that order of preference.
const D = `[${ANY_DIGIT_CLASS}]`;
const TOKEN = new RegExp(
  [
    "(?<url>https?:\\/\\/[^\\s<>\"'،]+[^\\s<>\"'،.,;:!؟?)])",
    "(?<domain>(?<![\\w.@/])(?:[a-z0-9-]+\\.)+(?:gov\\.sa|sa|com)(?:\\/[^\\s<>\"'،]*[^\\s<>\"'،.,;:!؟?)])?)",
    `(?<date>(?<!${D})${D}{1,4}[-/.]${D}{1,2}[-/.]${D}{1,4}(?!${D}))`,
    `(?<phone>(?<!${D}|\\*)(?:\\+?(?:٩٦٦|966)${D}{9}|(?:٠|0)(?:٥|5)${D}{8}|(?:٨٠٠|800)${D}{7}|(?:٩٢٠٠|9200)${D}{5}|(?:١٩٩|199)${D}{2})(?!${D}|\\*|\\s*(?:ريال|ر\\.س)))`,
  ].join("|"),
  "gu",
);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function ltrIsolate(text, className) {
  const bdi = el("bdi", className, text);
  bdi.dir = "ltr";
  return bdi;
}

function link(href, text, className) {
  const a = el("a", className, text);
  a.href = href;
  a.dir = "ltr";
  if (!href.startsWith("tel:")) {
    a.target = "_blank";
    a.rel = "noopener noreferrer";
  }
  return a;
}

// Appends `text` to `parent` with links, tel: links and isolated dates; every digit
// outside a link address in the configured style. `links: false` (what the person
// typed) keeps addresses and numbers as text: only the bot's own are made tappable.
export function appendRichText(parent, text, { links = true } = {}) {
  const source = String(text);
  let last = 0;
  const plain = (from, to) => {
    if (to > from) parent.append(document.createTextNode(displayDigits(source.slice(from, to))));
  };
  for (const match of source.matchAll(TOKEN)) {
    plain(last, match.index);
    const { url, domain, date, phone } = match.groups;
    if (!links && !date) parent.append(document.createTextNode(url || domain ? match[0] : displayDigits(match[0])));
    else if (url) parent.append(link(url, url, "bubble__link"));
    else if (domain) parent.append(link(`https://${domain}`, domain, "bubble__link"));
    else if (date) parent.append(ltrIsolate(displayDigits(date), "date"));
    else if (phone) parent.append(link(`tel:${latinDigits(phone)}`, displayDigits(phone), "bubble__link bubble__tel"));
    last = match.index + match[0].length;
  }
  plain(last, source.length);
}

function isoParts(value) {
  const m = typeof value === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

const HIJRI = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura-nu-latn", {
  year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC",
});

// "2026-12-21" -> its Umm al-Qura date "1448-07-12" (the ministry's calendar).
export function hijriOf(iso) {
  const parts = isoParts(iso);
  if (!parts) return null;
  const date = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
  const got = Object.fromEntries(HIJRI.formatToParts(date).map((p) => [p.type, p.value]));
  const year = String(got.year || "").replace(/\D/g, "");
  return year ? `${year}-${got.month}-${got.day}` : null;
}

// A date node: the ISO date isolated, and with `withHijri` its Hijri date beside it.
export function dateNode(iso, withHijri = false) {
  const wrap = el("span", "date-pair");
  if (!isoParts(iso)) return null;
  wrap.append(ltrIsolate(displayDigits(iso), "date"));
  const hijri = withHijri ? hijriOf(iso) : null;
  if (hijri) {
    wrap.append(document.createTextNode("م ("), ltrIsolate(displayDigits(hijri), "date date--hijri"),
      document.createTextNode("هـ)"));
  }
  return wrap;
}
