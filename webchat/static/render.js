// Builds the DOM for one transcript entry. Text is only ever set with
// textContent (never innerHTML); newlines are kept by CSS (white-space: pre-wrap).

import { UI } from "./labels.js";
import { renderEligibilityCard, renderStatusCard } from "./cards.js";

const URL_PATTERN = /https?:\/\/[^\s<>"'،]+[^\s<>"'،.,;:!؟?)]/g;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// Links the ministry's addresses the bot mentions; everything else stays text.
export function appendLinkedText(parent, text) {
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    if (match.index > last) parent.append(document.createTextNode(text.slice(last, match.index)));
    const link = el("a", "bubble__link", match[0]);
    link.href = match[0];
    link.target = "_blank";
    link.rel = "noopener noreferrer";
    link.dir = "ltr";
    parent.append(link);
    last = match.index + match[0].length;
  }
  if (last < text.length) parent.append(document.createTextNode(text.slice(last)));
}

function speakerPrefix(who) {
  // Screen readers announce who spoke; sighted users see it from the side and colour.
  return el("span", "sr-only", `${who === "user" ? UI.userName : UI.botName} `);
}

export function renderQuickReplies(buttons, onButton) {
  const group = el("div", "quick-replies");
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", UI.repliesGroup);
  for (const button of buttons) {
    const node = el("button", "quick-replies__button", button.title);
    node.type = "button";
    node.dataset.payload = button.payload;
    node.addEventListener("click", () => onButton(button));
    group.append(node);
  }
  return group;
}

function renderBody(entry) {
  if (entry.kind === "eligibility") return renderEligibilityCard(entry.data || {});
  if (entry.kind === "status") return renderStatusCard(entry.data || {});
  if (entry.kind === "image") {
    const image = el("img", "bubble__image");
    image.src = entry.src;
    image.alt = UI.imageAlt;
    image.loading = "lazy";
    return image;
  }
  const bubble = el("div", "bubble");
  // The text gets its own direction from its first letter, so a Latin line
  // ("/check_eligibility", an e-mail) is not reordered by the hidden Arabic prefix.
  const body = el("span", "bubble__text");
  body.dir = "auto";
  appendLinkedText(body, String(entry.text || ""));
  bubble.append(speakerPrefix(entry.who), body);
  return bubble;
}

export function renderEntry(entry, onButton) {
  const row = el("div", `msg msg--${entry.who === "user" ? "user" : "bot"} msg--${entry.kind}`);
  row.append(renderBody(entry));
  if (Array.isArray(entry.buttons) && entry.buttons.length) {
    row.append(renderQuickReplies(entry.buttons, onButton));
  }
  return row;
}
