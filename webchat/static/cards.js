// Result cards for the machine-readable payloads (design.md "Result payloads").
// Every value is shown with textContent: payloads come from the network.

import { ELIGIBILITY_CARD as E, STATUS_CARD as S, conditionLabel } from "./labels.js";

// Western digits with Arabic grouping, as on the ministry's own pages.
const NUMBER = new Intl.NumberFormat("ar-SA-u-nu-latn", { maximumFractionDigits: 0 });

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function amount(value) {
  return Number.isFinite(value) ? `${NUMBER.format(value)} ${E.perMonth}` : E.missing;
}

function row(list, field, label, valueText) {
  const term = el("dt", "card__term", label);
  const value = el("dd", "card__value", valueText);
  value.dataset.field = field;
  list.append(term, value);
  return value;
}

function isoDate(value) {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function bidiIsolated(text) {
  // Dates like 2023-11-01 must not be reordered by the surrounding RTL text.
  const bdi = el("bdi", null, text);
  bdi.dir = "ltr";
  return bdi;
}

export function renderEligibilityCard(data) {
  const eligible = data.eligible === true;
  const card = el("section", `card card--eligibility ${eligible ? "card--ok" : "card--not-ok"}`);
  card.setAttribute("aria-label", E.title);
  card.append(el("h2", "card__title", E.title));

  const badge = el("p", "card__badge", eligible ? E.eligible : E.ineligible);
  badge.dataset.field = "eligible";
  badge.dataset.value = String(eligible);
  card.append(badge);

  const failed = Array.isArray(data.failed_conditions) ? data.failed_conditions : [];
  if (failed.length) {
    card.append(el("p", "card__subheading", E.failedHeading));
    const list = el("ul", "card__failed");
    list.dataset.field = "failed_conditions";
    for (const slot of failed) {
      const item = el("li", null, conditionLabel(slot));
      item.dataset.slot = String(slot);
      list.append(item);
    }
    card.append(list);
  }

  const facts = el("dl", "card__facts");
  row(facts, "threshold_sar", E.threshold, amount(data.threshold_sar));
  row(facts, "counted_income_sar", E.countedIncome, amount(data.counted_income_sar));
  const support = row(facts, "estimated_support_sar", `${E.estimatedSupport}`,
    `${amount(data.estimated_support_sar)} (${E.estimateWord})`);
  support.classList.add("card__value--estimate");
  const version = row(facts, "rules_version", E.rulesVersion, "");
  version.append(bidiIsolated(isoDate(data.rules_version) || E.missing));
  card.append(facts);

  card.append(el("p", "card__note", E.note));
  return card;
}

export function renderStatusCard(data) {
  const status = typeof data.status === "string" ? data.status : "";
  const known = Object.prototype.hasOwnProperty.call(S.values, status);
  const card = el("section", `card card--status card--status-${known ? status : "unknown"}`);
  card.setAttribute("aria-label", S.title);
  card.append(el("h2", "card__title", S.title));

  const facts = el("dl", "card__facts");
  const statusValue = row(facts, "status", S.status, known ? S.values[status] : S.unknown);
  statusValue.dataset.value = status;
  const expected = isoDate(data.decision_expected_by);
  if (expected) row(facts, "decision_expected_by", S.expectedBy, "").append(bidiIsolated(expected));
  if (typeof data.reason === "string" && data.reason.trim()) {
    row(facts, "reason", S.reason, data.reason.trim());
  }
  card.append(facts);
  return card;
}
