// Keeps the conversation across page reloads. Rasa's socket.io channel does not
// replay history, so the browser keeps its own copy of the transcript beside the
// session id. National IDs, phones, IBANs and e-mails are masked before anything is stored.

import { findPii, maskAllDigits, maskPii, maskPiiIn } from "./pii_mask.js"; // same rules as arabic_text.pii (tests/pii_vectors.json)
export { maskPii };

const SESSION_KEY = "dhaman.webchat.session_id";
const TRANSCRIPT_KEY = "dhaman.webchat.transcript.v1";
const MAX_ENTRIES = 300;

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

// Whether a user's message is one of the status lookup's answers, kept with every digit
// hidden as the tracker store keeps it (rasa_extensions/event_masking.py): a reply to a
// question of the lookup (`lookupQuestion`: the bot's last entry asked one), or any
// message that carries a national ID, the lookup's key, which people send together with
// their birth date ("رقم هويتي … وتاريخ ميلادي …").
export function isLookupAnswer(text, lookupQuestion) {
  return Boolean(lookupQuestion) || findPii(text).some((found) => found.kind === "national_id");
}

// What is written to storage for one transcript entry: every personal number masked,
// and a lookup answer with no digit readable at all. Idempotent: the transcript is
// saved again after every message, reloaded entries included, and hiding the digits of
// an already masked ID ("1***,***,*72") a second time would lose the masked form that
// the tracker store and the review tool show, so `digitsHidden` marks the work as done.
export function storable(entry) {
  const hide = entry && entry.who === "user" && entry.lookupAnswer && !entry.digitsHidden;
  const kept = hide ? { ...entry, text: maskAllDigits(entry.text), digitsHidden: true } : entry;
  return maskPiiIn(kept);
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
