/* The live inbox: refreshes the queue and appends new messages without reloading the page.
   Served from 'self' (the CSP allows nothing else); the server renders the HTML, escaped. */
(function () {
  "use strict";
  var POLL_MS = 2500;

  function fetchFrom(url) {
    return fetch(url, { credentials: "same-origin", cache: "no-store" }).then(function (response) {
      if (response.redirected || response.status === 401) {
        window.location.reload(); // the session ended: the server sends the sign-in page
        return null;
      }
      return response.ok ? response : null;
    });
  }

  var queue = document.getElementById("inbox-queue");
  if (queue) {
    window.setInterval(function () {
      fetchFrom(queue.getAttribute("data-refresh")).then(function (response) {
        return response && response.text();
      }).then(function (html) {
        if (typeof html === "string") {
          queue.innerHTML = html;
        }
      }).catch(function () { /* the next poll tries again */ });
    }, POLL_MS);
  }

  var messages = document.getElementById("inbox-messages");
  if (messages) {
    var handoff = messages.getAttribute("data-handoff");
    var lastId = messages.getAttribute("data-last-id");
    var state = messages.getAttribute("data-state");
    var holder = messages.getAttribute("data-holder");
    window.setInterval(function () {
      fetchFrom("/inbox/" + handoff + "/messages?after=" + encodeURIComponent(lastId)).then(function (response) {
        return response && response.json();
      }).then(function (data) {
        if (!data) {
          return;
        }
        if (data.html) {
          messages.insertAdjacentHTML("beforeend", data.html);
        }
        lastId = String(data.last_id);
        messages.setAttribute("data-last-id", lastId);
        if (data.state !== state || (data.assigned_to || "") !== holder) {
          window.location.reload(); // taken, handed back or reassigned elsewhere: show the new buttons
        }
      }).catch(function () { /* the next poll tries again */ });
    }, POLL_MS);
  }
}());
