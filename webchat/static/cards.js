// Result cards for the machine-readable payloads (design.md "Result payloads").
// The card IS the result: its state (own colour and word), each failed condition with
// what the person can do, and the estimated amount marked "تقديري", shown only when
// eligible (a refusal never says "0 ريال"). Fields added by issue 10 (failed_reasons,
// income_by_source, summary_ar) are used when present and never required.
// Every value is shown with textContent: payloads come from the network.

import { ELIGIBILITY_CARD as E, STATUS_CARD as S, conditionLabel, conditionRemedy } from "./labels.js";
import { dateNode, displayDigits, formatNumber } from "./display.js";

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const isNumber = (value) => typeof value === "number" && Number.isFinite(value);

function amount(value, unit = E.perMonth) {
  return isNumber(value) ? `${formatNumber(value)} ${unit}` : E.missing;
}

function row(list, field, label, valueText) {
  const term = el("dt", "card__term", label);
  const value = el("dd", "card__value", valueText);
  value.dataset.field = field;
  list.append(term, value);
  return value;
}

function cardShell(kind, state, title) {
  const card = el("section", `card card--${kind} card--${state}`);
  card.dataset.state = state;
  const heading = el("h2", "card__title", title);
  heading.id = `card-title-${Math.random().toString(36).slice(2, 10)}`;
  card.setAttribute("aria-labelledby", heading.id);
  card.append(heading);
  return card;
}

function eligibilityState(data) {
  if (data.under_review === true || data.status === "under_review") return "review";
  return data.eligible === true ? "ok" : "not-ok";
}

// [{condition, explanation, remedy}] from failed_reasons, else from failed_conditions.
function failedItems(data) {
  if (Array.isArray(data.failed_reasons) && data.failed_reasons.length) {
    return data.failed_reasons
      .filter((r) => r && typeof r === "object")
      .map((r) => ({
        condition: String(r.condition || ""),
        explanation: String(r.explanation_ar || conditionLabel(r.condition)),
        remedy: typeof r.remedy_ar === "string" ? r.remedy_ar : conditionRemedy(r.condition),
      }));
  }
  const names = Array.isArray(data.failed_conditions) ? data.failed_conditions : [];
  return names.map((name) => ({
    condition: String(name), explanation: conditionLabel(name), remedy: conditionRemedy(name),
  }));
}

function failedList(items) {
  const list = el("ul", "card__failed");
  list.dataset.field = "failed_conditions";
  for (const item of items) {
    const li = el("li", "card__failed-item");
    li.dataset.slot = item.condition;
    li.append(el("span", "card__failed-what", displayDigits(item.explanation)));
    if (item.remedy) {
      const remedy = el("span", "card__remedy", displayDigits(`${E.remedyPrefix} ${item.remedy}`));
      li.append(remedy);
    }
    list.append(li);
  }
  return list;
}

function incomeDetails(sources) {
  const details = el("details", "card__details");
  details.append(el("summary", null, E.incomeDetails));
  const facts = el("dl", "card__facts");
  for (const [key, label, unit] of E.incomeRows) {
    if (isNumber(sources[key])) row(facts, `income_by_source.${key}`, label, amount(sources[key], unit));
  }
  details.append(facts);
  return details;
}

export function renderEligibilityCard(data) {
  const state = eligibilityState(data);
  const card = cardShell("eligibility", state, E.title);
  const badge = el("p", "card__badge", E.states[state]);
  badge.dataset.field = "eligible";
  badge.dataset.value = String(data.eligible === true);
  card.append(badge);

  const facts = el("dl", "card__facts");
  if (state === "ok") {
    const support = row(facts, "estimated_support_sar", E.estimatedSupport,
      `${amount(data.estimated_support_sar)} (${E.estimateWord})`);
    support.classList.add("card__value--estimate");
  }
  row(facts, "threshold_sar", E.threshold, amount(data.threshold_sar));
  row(facts, "counted_income_sar", E.countedIncome, amount(data.counted_income_sar));

  const items = failedItems(data);
  if (items.length) {
    card.append(el("p", "card__subheading", E.failedHeading), failedList(items));
  }
  card.append(facts);
  if (data.income_by_source && typeof data.income_by_source === "object") {
    card.append(incomeDetails(data.income_by_source));
  }
  const version = el("p", "card__note");
  version.append(document.createTextNode(`${E.rulesVersion}: `));
  // rules_period since eligibility 2.1.0; older payloads had the date in rules_version.
  const versionDate = dateNode(data.rules_period || data.rules_version);
  const versionValue = el("span");
  versionValue.dataset.field = "rules_version";
  versionValue.append(versionDate || document.createTextNode(E.missing));
  version.append(versionValue);
  card.append(version, el("p", "card__note", E.note));
  return card;
}

export function renderStatusCard(data) {
  const status = typeof data.status === "string" ? data.status : "";
  const known = Object.prototype.hasOwnProperty.call(S.values, status);
  const card = cardShell("status", `status-${known ? status : "unknown"}`, S.title);

  const badge = el("p", "card__badge", known ? S.values[status] : S.unknown);
  badge.dataset.field = "status";
  badge.dataset.value = status;
  card.append(badge);
  const facts = el("dl", "card__facts");
  // The ministry dates its decisions in both calendars: Hijri beside Gregorian.
  const expected = dateNode(data.decision_expected_by, true);
  if (expected) row(facts, "decision_expected_by", S.expectedBy, "").append(expected);
  // Results come out on one day a month: the day the person will see theirs.
  const resultsOn = dateNode(data.results_expected_on, true);
  if (resultsOn) row(facts, "results_expected_on", S.resultsOn, "").append(resultsOn);
  if (typeof data.reason === "string" && data.reason.trim()) {
    row(facts, "reason", S.reason, displayDigits(data.reason.trim()));
  }
  if (facts.childElementCount) card.append(facts);
  return card;
}
