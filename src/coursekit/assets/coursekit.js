/* coursekit: knowledge checks and progress, kept in this browser only (localStorage).
   No network, no server: works from file:// and inside an LMS frame. */
(function () {
  "use strict";

  var store = {
    get: function (key) {
      try { return window.localStorage.getItem("coursekit:" + key); } catch (e) { return null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem("coursekit:" + key, value); } catch (e) { /* storage off */ }
    },
    clear: function (prefix) {
      try {
        var doomed = [];
        for (var i = 0; i < window.localStorage.length; i++) {
          var key = window.localStorage.key(i);
          if (key.indexOf("coursekit:" + prefix) === 0) { doomed.push(key); }
        }
        doomed.forEach(function (key) { window.localStorage.removeItem(key); });
      } catch (e) { /* storage off */ }
    }
  };

  function questionKey(form) {
    return form.dataset.course + ":check:" + form.dataset.module + ":" + form.dataset.question;
  }

  function showFeedback(form, chosen) {
    var result = form.querySelector(".ck-result");
    var feedback = form.querySelector('.ck-option-feedback[data-option="' + chosen + '"]');
    var right = feedback.dataset.correct === "true";
    result.className = "ck-result " + (right ? "ck-right" : "ck-wrong");
    result.innerHTML = "";
    var verdict = document.createElement("strong");
    verdict.textContent = right ? "Correct. " : "Not quite. ";
    result.appendChild(verdict);
    result.appendChild(document.createTextNode(feedback.textContent));
    if (!right) {
      result.appendChild(document.createTextNode(" Try another answer if you like."));
    }
    return right;
  }

  function setUpQuiz(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var checked = form.querySelector("input[type=radio]:checked");
      var result = form.querySelector(".ck-result");
      if (!checked) {
        result.className = "ck-result";
        result.textContent = "Choose an answer first.";
        return;
      }
      var right = showFeedback(form, checked.value);
      var key = questionKey(form);
      if (right) { store.set(key, "passed"); } else if (store.get(key) !== "passed") { store.set(key, "tried"); }
    });
  }

  function markRead() {
    var page = document.querySelector(".ck-page");
    if (page) { store.set(page.dataset.course + ":read:" + page.dataset.module, "yes"); }
  }

  function passedCount(course, module) {
    var prefix = course + ":check:" + module + ":";
    var count = 0;
    try {
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (key.indexOf("coursekit:" + prefix) === 0 && window.localStorage.getItem(key) === "passed") { count++; }
      }
    } catch (e) { /* storage off */ }
    return count;
  }

  function showProgress(box) {
    var course = box.dataset.course;
    var rows = box.querySelectorAll("tr[data-module]");
    var read = 0, complete = 0;
    rows.forEach(function (row) {
      var module = row.dataset.module;
      var total = parseInt(row.dataset.questions, 10);
      var passed = Math.min(passedCount(course, module), total);
      var isRead = store.get(course + ":read:" + module) === "yes";
      if (isRead) { read++; }
      if (isRead && passed === total) { complete++; }
      row.querySelector(".ck-read").textContent = isRead ? "Read" : "Not yet read";
      row.querySelector(".ck-checks").textContent = passed + " of " + total + " passed";
    });
    box.querySelector(".ck-summary").textContent =
      "You have read " + read + " of " + rows.length + " modules and completed " + complete + ".";
    var reset = box.querySelector(".ck-reset");
    reset.onclick = function () {
      store.clear(course + ":");
      showProgress(box);
    };
  }

  function nameSearchDialog() {
    // mkdocs-material's search dialog has no accessible name (axe: aria-dialog-name).
    var dialog = document.querySelector(".md-search[role=dialog]");
    if (dialog && !dialog.hasAttribute("aria-label")) { dialog.setAttribute("aria-label", "Search this course"); }
  }

  function start() {
    nameSearchDialog();
    markRead();
    document.querySelectorAll("form.ck-quiz").forEach(setUpQuiz);
    document.querySelectorAll(".ck-progress").forEach(showProgress);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
