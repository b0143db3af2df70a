// Turns one "bot_uttered" event from Rasa's socket.io channel into transcript
// entries. Rasa emits: {text}, {text, quick_replies:[{content_type,title,payload}]},
// {attachment:{type:"image",payload:{src}}}, and custom JSON. Custom JSON reaches the
// browser in different wrappers depending on how the server emits it (as the event
// data itself, or under "custom" / "data"), so every wrapper is looked into.

const MAX_BUTTONS = 12;
const CARD_KEYS = Object.freeze({ eligibility_result: "eligibility", application_status: "status" });

function isObject(value) {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function normalizeButtons(raw) {
  if (!Array.isArray(raw)) return [];
  return raw
    .filter((b) => isObject(b) && typeof b.title === "string" && b.title.trim() !== "")
    .slice(0, MAX_BUTTONS)
    .map((b) => ({
      title: b.title.trim(),
      // A button without payload sends its title, as a person would have typed it.
      payload: typeof b.payload === "string" && b.payload !== "" ? b.payload : b.title.trim(),
    }));
}

function cardEntries(source) {
  const entries = [];
  if (!isObject(source)) return entries;
  for (const [key, kind] of Object.entries(CARD_KEYS)) {
    if (isObject(source[key])) entries.push({ who: "bot", kind, data: source[key] });
  }
  return entries;
}

function safeImageSource(src) {
  if (typeof src !== "string") return null;
  try {
    const url = new URL(src, window.location.href);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch (_) {
    return null;
  }
}

export function entriesFromBotMessage(message) {
  if (typeof message === "string") {
    return message.trim() ? [{ who: "bot", kind: "text", text: message, buttons: [] }] : [];
  }
  if (!isObject(message)) return [];

  const entries = [];
  const text = typeof message.text === "string" ? message.text : "";
  const buttons = normalizeButtons(message.quick_replies || message.buttons);
  if (text.trim() || buttons.length) entries.push({ who: "bot", kind: "text", text, buttons });

  const seen = new Set();
  for (const source of [message, message.custom, message.data]) {
    for (const card of cardEntries(source)) {
      const key = card.kind + JSON.stringify(card.data);
      if (!seen.has(key)) {
        seen.add(key);
        entries.push(card);
      }
    }
  }
  if (isObject(message.custom) && typeof message.custom.text === "string" && !text) {
    entries.unshift({ who: "bot", kind: "text", text: message.custom.text, buttons: [] });
  }

  const attachment = message.attachment;
  if (isObject(attachment) && attachment.type === "image" && isObject(attachment.payload)) {
    const src = safeImageSource(attachment.payload.src);
    if (src) entries.push({ who: "bot", kind: "image", src });
  }
  return entries;
}

// The status lookup's questions reach the widget with {reply_kept_masked: true}
// (domain.yml, their socket.io variants): the person's reply is one of the lookup's
// answers, which is kept with every digit hidden.
export function asksForMaskedReply(message) {
  if (!isObject(message)) return false;
  return [message, message.custom, message.data].some((source) => isObject(source) && source.reply_kept_masked === true);
}

export function sessionIdFromConfirm(data) {
  // Rasa emits the bare id; some proxies and older widgets wrap it.
  if (typeof data === "string" && data) return data;
  if (isObject(data) && typeof data.session_id === "string" && data.session_id) return data.session_id;
  return null;
}
