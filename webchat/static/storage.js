// Keeps the conversation across page reloads. Rasa's socket.io channel does not
// replay history, so the browser keeps its own copy of the transcript beside the
// session id. National IDs and phone numbers are masked before anything is stored.

const SESSION_KEY = "dhaman.webchat.session_id";
const TRANSCRIPT_KEY = "dhaman.webchat.transcript.v1";
const MAX_ENTRIES = 300;

// Nine or more digits, possibly grouped with spaces, dashes or the invisible
// direction marks Arabic keyboards insert, and led by "+": a national ID / iqama
// (10 digits) or a phone number. Broader than arabic_text.pii on purpose: in the
// browser's copy, masking a harmless long number costs nothing.
const LONG_NUMBER = /\+?[0-9٠-٩۰-۹](?:[ \-\u200e\u200f\u061c]{0,2}[0-9٠-٩۰-۹]){8,}/g;
const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";
const PERSIAN = "۰۱۲۳۴۵۶۷۸۹";

function asciiDigits(text) {
  let out = "";
  for (const ch of text) {
    const a = ARABIC_INDIC.indexOf(ch);
    const p = PERSIAN.indexOf(ch);
    if (a >= 0) out += String(a);
    else if (p >= 0) out += String(p);
    else if (ch >= "0" && ch <= "9") out += ch;
  }
  return out;
}

// Same shape as arabic_text.national_id.mask_national_id: first digit and last
// two kept, so a person recognises their own number and nobody else can use it.
export function maskPii(text) {
  if (typeof text !== "string") return text;
  return text.replace(LONG_NUMBER, (match) => {
    const digits = asciiDigits(match);
    return digits[0] + "*".repeat(digits.length - 3) + digits.slice(-2);
  });
}

// localStorage can be missing or refuse writes (private mode, full quota); the
// chat must still work, only without surviving a reload.
const memory = new Map();
function read(key) {
  try {
    return window.localStorage.getItem(key);
  } catch (_) {
    return memory.has(key) ? memory.get(key) : null;
  }
}
function write(key, value) {
  try {
    window.localStorage.setItem(key, value);
  } catch (_) {
    memory.set(key, value);
  }
}
function remove(key) {
  memory.delete(key);
  try {
    window.localStorage.removeItem(key);
  } catch (_) {
    /* nothing stored there */
  }
}

export function loadSessionId() {
  const id = read(SESSION_KEY);
  return typeof id === "string" && /^[A-Za-z0-9_-]{1,128}$/.test(id) ? id : null;
}

export function saveSessionId(id) {
  write(SESSION_KEY, id);
}

function storable(entry) {
  const copy = { ...entry };
  if (copy.who === "user" && typeof copy.text === "string") copy.text = maskPii(copy.text);
  return copy;
}

export function loadTranscript() {
  const raw = read(TRANSCRIPT_KEY);
  if (!raw) return [];
  try {
    const entries = JSON.parse(raw);
    return Array.isArray(entries)
      ? entries.filter((e) => e && (e.who === "bot" || e.who === "user") && typeof e.kind === "string")
      : [];
  } catch (_) {
    return [];
  }
}

export function saveTranscript(entries) {
  write(TRANSCRIPT_KEY, JSON.stringify(entries.slice(-MAX_ENTRIES).map(storable)));
}

export function clearConversation() {
  remove(SESSION_KEY);
  remove(TRANSCRIPT_KEY);
}

export const STORAGE_KEYS = Object.freeze({ session: SESSION_KEY, transcript: TRANSCRIPT_KEY });
