// Builds the DOM for one transcript entry. Text is only ever set with
// textContent (never innerHTML); newlines are kept by CSS (white-space: pre-wrap).
// Digits, dates, links and phone numbers are display.js's job.

import { UI } from "./labels.js";
import { renderEligibilityCard, renderStatusCard } from "./cards.js";
import { appendRichText, displayDigits } from "./display.js";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
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
    const node = el("button", "quick-replies__button", displayDigits(button.title));
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
  // Links, tel: links and isolated dates for both sides; the person's own words
  // come back in the same digit style as everything else.
  appendRichText(body, String(entry.text || ""), { links: entry.who !== "user" });
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

// What a screen reader hears for a new entry: the text, or the card's state line.
export function announcementFor(entry) {
  if (entry.kind === "text") return displayDigits(String(entry.text || ""));
  if (entry.kind === "eligibility" || entry.kind === "status") {
    const data = entry.data || {};
    if (typeof data.summary_ar === "string" && data.summary_ar.trim()) return displayDigits(data.summary_ar);
    const card = renderBody(entry);
    const title = card.querySelector(".card__title");
    const badge = card.querySelector(".card__badge");
    return [title && title.textContent, badge && badge.textContent].filter(Boolean).join(": ");
  }
  return UI.imageAlt;
}
