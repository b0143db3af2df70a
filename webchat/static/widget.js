// The chat widget: wires the page to Rasa's socket.io channel.
// Protocol (same as the community rasa-webchat widget): on connect emit
// "session_request" {session_id}; the server answers "session_confirm" with the id;
// messages go out as "user_uttered" {message, session_id}; replies arrive as
// "bot_uttered". With session_persistence the server keys the conversation on
// session_id, so reusing the stored id after a reload continues the same tracker.

import { UI } from "./labels.js";
import { asksForMaskedReply, entriesFromBotMessage, sessionIdFromConfirm } from "./messages.js";
import { announcementFor, renderEntry } from "./render.js";
import { displayDigits } from "./display.js";
import * as store from "./storage.js";

const DEFAULTS = {
  socketUrl: "http://127.0.0.1:5005",
  socketPath: "/socket.io",
  transports: ["websocket"],
  initPayload: "/greet",
  typingTimeoutMs: 30000,
  maxLength: 1000,
};
const config = { ...DEFAULTS, ...(window.WEBCHAT_CONFIG || {}) };

const byId = (id) => document.getElementById(id);
const dom = {
  root: byId("chat"),
  status: byId("status"),
  messages: byId("messages"),
  typing: byId("typing"),
  form: byId("composer"),
  input: byId("input"),
  counter: byId("counter"),
  limitNote: byId("limit-note"),
  newConversation: byId("new-conversation"),
  announcer: byId("announcer"),
  confirmNew: byId("confirm-new"),
  confirmYes: byId("confirm-new-yes"),
  confirmNo: byId("confirm-new-no"),
};
const MAX_ANNOUNCEMENTS = 4;

const state = {
  sessionId: store.loadSessionId(),
  transcript: store.loadTranscript(),
  ready: false,
  pending: [],
  typingTimer: null,
  resetting: false,
  readyMarked: false,
};

function setConnection(mode) {
  dom.root.dataset.connection = mode;
}

function showStatus(text, kind) {
  dom.status.textContent = text;
  dom.status.dataset.kind = kind || "";
  dom.status.hidden = !text;
}

function clearStatus(kind) {
  if (!kind || dom.status.dataset.kind === kind) showStatus("", "");
}

function scrollToEnd() {
  dom.messages.scrollTop = dom.messages.scrollHeight;
}

// The message list is not a live region (aria-live="off"): re-rendering it after a
// reload, or retiring old buttons, must not be read out again. Each new bot entry is
// announced exactly once, as one added paragraph in this polite region.
function announce(entry) {
  const text = announcementFor(entry).trim();
  if (!text) return;
  const line = document.createElement("p");
  line.textContent = `${UI.botName} ${text}`;
  dom.announcer.append(line);
  while (dom.announcer.childElementCount > MAX_ANNOUNCEMENTS) dom.announcer.firstElementChild.remove();
}

function append(entry) {
  state.transcript.push(entry);
  store.saveTranscript(state.transcript);
  dom.messages.append(renderEntry(entry, onQuickReply));
  if (entry.who === "bot") announce(entry);
  scrollToEnd();
}

function renderTranscript() {
  dom.messages.replaceChildren(...state.transcript.map((entry) => renderEntry(entry, onQuickReply)));
  scrollToEnd();
}

// Once the user answers, earlier buttons are stale: pressing one later would
// answer a question the bot is no longer asking.
function retireQuickReplies() {
  dom.messages.querySelectorAll(".quick-replies").forEach((group) => group.remove());
  for (const entry of state.transcript) if (entry.buttons && entry.buttons.length) entry.buttons = [];
}

function showTyping() {
  dom.typing.hidden = false;
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(() => {
    dom.typing.hidden = true;
    showStatus(UI.slowReply, "notice");
  }, config.typingTimeoutMs);
  scrollToEnd();
}

function hideTyping() {
  clearTimeout(state.typingTimer);
  dom.typing.hidden = true;
}

function emitUserMessage(message) {
  if (state.ready && socket && socket.connected) {
    socket.emit("user_uttered", { message, session_id: state.sessionId });
  } else {
    // Sent after the next session_confirm, so the reply reaches this socket's room.
    state.pending.push(message);
  }
}

// The bot's last entry asked one of the status lookup's questions (kept in the saved
// transcript, so a reload between the question and the answer changes nothing).
function lastBotEntryAsksLookup() {
  for (let k = state.transcript.length - 1; k >= 0; k--) {
    if (state.transcript[k].who === "bot") return state.transcript[k].asksLookup === true;
  }
  return false;
}

function sendUserMessage(message, shownText) {
  const lookupAnswer = store.isLookupAnswer(shownText, lastBotEntryAsksLookup());
  retireQuickReplies();
  append({ who: "user", kind: "text", text: shownText, ...(lookupAnswer ? { lookupAnswer: true } : {}) });
  clearStatus("notice");
  clearStatus("info");
  showTyping();
  emitUserMessage(message);
}

function onQuickReply(button) {
  sendUserMessage(button.payload, button.title);
  dom.input.focus();
}

function updateCounter() {
  const max = config.maxLength;
  if (dom.input.value.length > max) dom.input.value = dom.input.value.slice(0, max);
  const used = dom.input.value.length;
  dom.counter.textContent = displayDigits(UI.counter(used, max));
  dom.limitNote.hidden = used < max;
  dom.root.classList.toggle("chat--at-limit", used >= max);
  // Grow with the text up to the CSS max-height, then scroll inside the box.
  dom.input.style.height = "auto";
  dom.input.style.height = `${dom.input.scrollHeight}px`;
}

function submitInput() {
  const text = dom.input.value.trim();
  if (!text) {
    dom.input.focus();
    return;
  }
  if (text.length > config.maxLength) {
    dom.limitNote.hidden = false;
    return;
  }
  dom.input.value = "";
  updateCounter();
  sendUserMessage(text, text);
}

// "محادثة جديدة" first asks; until the person confirms, the conversation (and its
// result card) stays on screen and in storage.
function askNewConversation() {
  if (typeof dom.confirmNew.showModal === "function") {
    dom.confirmNew.returnValue = "";
    dom.confirmNew.showModal();
    dom.confirmNo.focus();
  } else if (window.confirm(`${UI.confirmNewTitle}\n${UI.confirmNewBody}`)) {
    startNewConversation();
  }
}

function startNewConversation() {
  store.clearConversation();
  state.transcript = [];
  state.sessionId = null;
  state.pending = [];
  state.ready = false;
  hideTyping();
  dom.messages.replaceChildren();
  delete dom.root.dataset.sessionId;
  // Stays until the person writes: the greeting must not wipe it out.
  showStatus(UI.newConversationStarted, "info");
  // A fresh socket leaves the old session's room, so nothing from it leaks in.
  if (socket) {
    state.resetting = true;
    socket.disconnect();
    state.resetting = false;
    socket.connect();
  }
  dom.input.focus();
}

function onSessionConfirm(data) {
  const id = sessionIdFromConfirm(data);
  if (!id) return;
  const isNewSession = id !== state.sessionId;
  state.sessionId = id;
  store.saveSessionId(id);
  dom.root.dataset.sessionId = id;
  state.ready = true;
  setConnection("ready");
  clearStatus("error");
  if (!state.readyMarked && window.performance && performance.mark) {
    performance.mark("webchat:session-confirmed");
    state.readyMarked = true;
  }
  if (isNewSession && state.transcript.length === 0 && config.initPayload) {
    showTyping();
    socket.emit("user_uttered", { message: config.initPayload, session_id: id });
  }
  const queued = state.pending.splice(0);
  for (const message of queued) socket.emit("user_uttered", { message, session_id: id });
}

function onBotUttered(message) {
  hideTyping();
  clearStatus("notice");
  for (const entry of entriesFromBotMessage(message)) append(entry);
  if (asksForMaskedReply(message)) {
    // Rasa sends the question's text, then this directive, as two events.
    const question = [...state.transcript].reverse().find((entry) => entry.who === "bot");
    if (question) {
      question.asksLookup = true;
      store.saveTranscript(state.transcript);
    }
  }
}

function onConnectionLost(reason) {
  state.ready = false;
  if (state.resetting) return;
  setConnection("disconnected");
  hideTyping();
  showStatus(UI.disconnected, "error");
  // socket.io does not retry by itself after the server closed the session.
  if (reason === "io server disconnect") setTimeout(() => socket.connect(), 1000);
}

function connect() {
  if (typeof window.io !== "function") {
    setConnection("disconnected");
    showStatus(UI.disconnected, "error");
    return null;
  }
  const client = window.io(config.socketUrl, {
    path: config.socketPath,
    transports: config.transports,
    reconnectionDelay: 1000,
    reconnectionDelayMax: 5000,
  });
  client.on("connect", () => {
    setConnection("connected");
    client.emit("session_request", { session_id: state.sessionId });
  });
  client.on("session_confirm", onSessionConfirm);
  client.on("bot_uttered", onBotUttered);
  client.on("disconnect", onConnectionLost);
  client.on("connect_error", () => onConnectionLost("connect_error"));
  return client;
}

dom.input.maxLength = config.maxLength;
dom.form.addEventListener("submit", (event) => {
  event.preventDefault();
  submitInput();
});
dom.input.addEventListener("keydown", (event) => {
  // Enter sends, Shift+Enter adds a line; never interrupt an IME composition.
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    submitInput();
  }
});
dom.input.addEventListener("input", updateCounter);
// Stay on the newest message when the window turns or resizes, unless the person
// had scrolled up to read something older.
let pinnedToEnd = true;
dom.messages.addEventListener("scroll", () => {
  const { scrollTop, scrollHeight, clientHeight } = dom.messages;
  pinnedToEnd = scrollHeight - scrollTop - clientHeight < 40;
});
window.addEventListener("resize", () => {
  if (pinnedToEnd) scrollToEnd();
});
dom.newConversation.addEventListener("click", askNewConversation);
dom.confirmNo.addEventListener("click", () => dom.confirmNew.close("cancel"));
dom.confirmYes.addEventListener("click", () => {
  dom.confirmNew.close("confirm");
  startNewConversation();
});
dom.confirmNew.addEventListener("close", () => {
  if (dom.confirmNew.returnValue !== "confirm") dom.newConversation.focus();
});

renderTranscript();
updateCounter();
const socket = connect();
