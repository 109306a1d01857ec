/* coursekit: knowledge checks, progress and a few accessibility fixes to the theme.
   Progress is kept in this browser only (localStorage). No network, no server: works from
   file://, from a web server and inside an LMS frame. */
(function () {
  "use strict";

  var store = {
    get: function (key) {
      try { return window.localStorage.getItem("coursekit:" + key); } catch (e) { return null; }
    },
    set: function (key, value) {
      try { window.localStorage.setItem("coursekit:" + key, value); } catch (e) { /* storage off */ }
    },
    keys: function (prefix) {
      var found = [];
      try {
        for (var i = 0; i < window.localStorage.length; i++) {
          var key = window.localStorage.key(i);
          if (key.indexOf("coursekit:" + prefix) === 0) { found.push(key); }
        }
      } catch (e) { /* storage off */ }
      return found;
    },
    clear: function (prefix) {
      store.keys(prefix).forEach(function (key) {
        try { window.localStorage.removeItem(key); } catch (e) { /* storage off */ }
      });
    }
  };

  /* The LMS package's launch page ------------------------------------------------------- */

  // In an LMS package the site runs in a frame that launch.html names "coursekit-lms". The page
  // tells launch.html what the learner did; launch.html reports it to the LMS. Anywhere else
  // (file://, a web server, any other frame) nothing is sent.
  var lms = {
    hosted: window.name === "coursekit-lms" && window.parent !== window,
    tell: function (message) {
      if (!lms.hosted) { return; }
      message.coursekit = 1;
      try { window.parent.postMessage(message, "*"); } catch (e) { /* the frame is going away */ }
    }
  };

  function hideDownloads() {
    // The package leaves out the site's downloads (decks and the package itself).
    if (!lms.hosted) { return; }
    document.querySelectorAll('a[href^="downloads/"]').forEach(function (link) {
      (link.closest("p, li") || link).remove();
    });
  }

  /* Knowledge checks ------------------------------------------------------------------ */

  function questionKey(form) {
    return form.dataset.course + ":check:" + form.dataset.module + ":" + form.dataset.question;
  }

  function say(region, build) {
    // Empty the live region first, so that the same message is announced again on a retry.
    region.textContent = "";
    window.setTimeout(function () { build(region); }, 60);
  }

  function showFeedback(form, chosen) {
    var result = form.querySelector(".ck-result");
    var feedback = form.querySelector('.ck-option-feedback[data-option="' + chosen + '"]');
    var right = feedback.dataset.correct === "true";
    result.className = "ck-result " + (right ? "ck-right" : "ck-wrong");
    var text = feedback.textContent.trim();
    // Right or wrong is always said in words, not only by colour. When the writer's feedback
    // already opens with a verdict ("Not quite.", "Right.", "No."), that is the verdict.
    var opens = right ? /^(correct|right|yes)\b/i : /^(not quite|not yet|not enough|not right|no|wrong)\b/i;
    say(result, function (region) {
      var verdict = document.createElement("strong");
      var match = text.match(/^[^.!?]*[.!?]\s*/);
      if (opens.test(text) && match) {
        verdict.textContent = match[0];
        text = text.slice(match[0].length);
      } else {
        verdict.textContent = right ? "Correct. " : "Not quite. ";
      }
      region.appendChild(verdict);
      region.appendChild(document.createTextNode(text));
      if (!right) {
        region.appendChild(document.createTextNode(" Try another answer if you like."));
      }
    });
    return right;
  }

  function showSaved(form) {
    if (store.get(questionKey(form)) !== "passed" || form.querySelector(".ck-saved")) { return; }
    var note = document.createElement("p");
    note.className = "ck-saved";
    note.textContent = "You have answered this question correctly before. You can try it again.";
    form.querySelector("fieldset").insertAdjacentElement("afterend", note);
  }

  function setUpQuiz(form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var checked = form.querySelector("input[type=radio]:checked");
      var result = form.querySelector(".ck-result");
      if (!checked) {
        result.className = "ck-result ck-wrong";
        say(result, function (region) { region.textContent = "Choose an answer first."; });
        return;
      }
      var right = showFeedback(form, checked.value);
      var key = questionKey(form);
      if (right) { store.set(key, "passed"); } else if (store.get(key) !== "passed") { store.set(key, "tried"); }
      lms.tell({ kind: "check", module: form.dataset.module, question: form.dataset.question, right: right });
    });
    showSaved(form);
  }

  /* Modules read ---------------------------------------------------------------------- */

  function watchReading() {
    // A module counts as read when the learner reaches its end, not when the page opens.
    var marker = document.querySelector(".ck-page");
    if (!marker) { return; }
    var key = marker.dataset.course + ":read:" + marker.dataset.module;
    function markRead() {
      store.set(key, "yes");
      lms.tell({ kind: "read", module: marker.dataset.module });
    }
    if (!("IntersectionObserver" in window)) { markRead(); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          markRead();
          observer.disconnect();
        }
      });
    });
    observer.observe(marker);
  }

  /* Progress page --------------------------------------------------------------------- */

  function passedCount(course, module) {
    return store.keys(course + ":check:" + module + ":").filter(function (key) {
      try { return window.localStorage.getItem(key) === "passed"; } catch (e) { return false; }
    }).length;
  }

  function showProgress(box, message) {
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
      row.querySelector(".ck-checks").textContent = total ?
        passed + " of " + total + " passed" : "No knowledge check";
    });
    box.querySelector(".ck-summary").textContent = (message ? message + " " : "") +
      "You have read " + read + " of " + rows.length + " modules and completed " + complete +
      " (read, with every knowledge-check question answered correctly).";
    box.querySelector(".ck-reset").onclick = function () {
      store.clear(course + ":");
      showProgress(box, "Your progress on this device has been cleared.");
    };
  }

  /* Certificate ----------------------------------------------------------------------- */

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  function whatIsLeft(box) {
    var course = box.dataset.course, left = 0;
    box.querySelectorAll(".ck-cert-todo li[data-module]").forEach(function (item) {
      var total = parseInt(item.dataset.questions, 10);
      var passed = Math.min(passedCount(course, item.dataset.module), total);
      var needs = [];
      if (store.get(course + ":read:" + item.dataset.module) !== "yes") { needs.push("read it to the end"); }
      if (passed < total) {
        needs.push("answer " + plural(total - passed, "more knowledge-check question") + " correctly");
      }
      item.hidden = !needs.length;
      item.querySelector(".ck-cert-need").textContent = needs.length ? ": " + needs.join(", and ") : "";
      if (needs.length) { left++; }
    });
    return left;
  }

  function fillCertificate(box, name) {
    var cert = box.querySelector(".ck-cert");
    cert.querySelector(".ck-cert-name").textContent = name;
    cert.querySelector(".ck-cert-date").textContent = new Date().toLocaleDateString(
      "en-GB", { day: "numeric", month: "long", year: "numeric" });
    cert.hidden = false;
    document.documentElement.classList.add("ck-has-certificate");
  }

  function setUpCertificate(box) {
    var left = whatIsLeft(box);
    var status = box.querySelector(".ck-cert-status");
    var form = box.querySelector(".ck-cert-form");
    var input = form.querySelector("input");
    input.autocomplete = "name";  // set here: the page cleaner keeps only a few input attributes
    input.maxLength = 80;
    input.required = true;
    box.querySelector(".ck-cert-todo").hidden = left === 0;
    if (left) {
      status.textContent = "Your certificate is offered when you have read every module and answered every " +
        "knowledge-check question correctly. Still to do, in " + plural(left, "module") + ":";
      return;
    }
    status.textContent = "Well done: you have read every module and answered every knowledge-check " +
      "question correctly. Type your name to get your certificate.";
    form.hidden = false;
    var saved = store.get("learner-name");
    if (saved) {
      input.value = saved;
      fillCertificate(box, saved);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = input.value.replace(/\s+/g, " ").trim();
      if (!name) { input.focus(); return; }
      store.set("learner-name", name);
      fillCertificate(box, name);
      box.querySelector("#ck-cert-title").focus();
    });
    box.querySelector(".ck-cert-print").addEventListener("click", function () { window.print(); });
  }

  /* Glossary terms -------------------------------------------------------------------- */

  function reachableTerms() {
    // The theme shows a term's explanation when the term has focus. Every use can take focus by
    // tap or click (phones have no hover), and the first use of each term on the page is also a
    // Tab stop, so keyboard users can read it without a Tab stop for every repeat. A term inside
    // a link, button or summary is left alone (it would be a control inside a control), and one
    // inside a knowledge-check question is no Tab stop, so Tab goes from the answers straight to
    // the "Check my answer" button.
    if (document.querySelector(".ck-glossary")) { return; }
    var seen = {};
    document.querySelectorAll("article abbr[title]").forEach(function (abbr) {
      if (abbr.closest("a, button, summary, label, legend")) { return; }
      var term = abbr.textContent.trim().toLowerCase();
      var stop = !seen[term] && !abbr.closest(".ck-quiz");
      abbr.setAttribute("tabindex", stop ? "0" : "-1");
      if (stop) { seen[term] = true; }
    });
  }

  /* Wide tables ----------------------------------------------------------------------- */

  function labelFor(table) {
    var caption = table.querySelector("caption");
    if (caption) { return caption.textContent.trim(); }
    var node = table.closest(".md-typeset__scrollwrap") || table;
    while (node && node.previousElementSibling === null && node.parentElement) { node = node.parentElement; }
    for (var el = node && node.previousElementSibling; el; el = el.previousElementSibling) {
      if (/^H[1-6]$/.test(el.tagName)) { return el.textContent.replace(/\u00b6/g, "").trim(); }
    }
    return "";
  }

  function reachableTables() {
    // A table wider than the screen scrolls sideways inside the theme's wrapper; keyboard users
    // can only scroll it if the wrapper can take focus (WCAG 2.1.1). Only wrappers that really
    // scroll become Tab stops, and they say what they hold.
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      var table = wrap.querySelector("table");
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        var label = labelFor(table);
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", (label ? "Table: " + label : "Table") + " (scrolls sideways)");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  /* Page list drawer (smaller screens) --------------------------------------------------- */

  function keyboardDrawer() {
    // The theme opens its drawer from a <label>, which a keyboard cannot reach. Put a real button
    // in its place: named, saying whether the drawer is open, moving focus into the drawer when
    // it opens; Escape, or Tab past the last link, closes it again.
    var toggle = document.getElementById("__drawer");
    var label = document.querySelector('label.md-header__button[for="__drawer"]');
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !label || !drawer) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = label.className + " ck-menu";
    button.setAttribute("aria-label", "Pages in this course");
    while (label.firstChild) { button.appendChild(label.firstChild); }
    label.replaceWith(button);

    function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    function set(open) {
      if (toggle.checked !== open) {
        toggle.checked = open;
        toggle.dispatchEvent(new Event("change", { bubbles: true }));
      }
      sync();
    }
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("click", function () {
      set(!toggle.checked);
      if (toggle.checked) {
        var first = drawer.querySelector("a.md-nav__link[href]");
        if (first) { first.focus(); }
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        set(false);
        button.focus();
      }
    });
    drawer.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (toggle.checked && next && !drawer.contains(next) && next !== button) { set(false); }
    });
  }

  function keepFocusInView() {
    // On small screens the theme locks page scrolling while search is open and unlocks it a
    // moment after search closes. Tab out of search quickly and focus can land on something
    // below the fold that the locked page could not scroll to: bring it into view.
    var search = document.getElementById("__search");
    if (!search) { return; }
    search.addEventListener("change", function () {
      if (search.checked) { return; }
      window.setTimeout(function () {
        var el = document.activeElement;
        if (!el || el === document.body) { return; }
        var box = el.getBoundingClientRect();
        if (box.bottom < 0 || box.top > window.innerHeight) { el.scrollIntoView({ block: "center" }); }
      }, 150);
    });
  }

  function start() {
    lms.tell({ kind: "page", page: window.location.pathname.split("/").pop() || "index.html" });
    hideDownloads();
    watchReading();
    reachableTerms();
    keyboardDrawer();
    keepFocusInView();
    document.querySelectorAll("form.ck-quiz").forEach(setUpQuiz);
    document.querySelectorAll(".ck-progress").forEach(function (box) { showProgress(box); });
    document.querySelectorAll(".ck-certificate").forEach(setUpCertificate);
    // The theme wraps tables after its own start-up; check once it has, and on every resize.
    window.requestAnimationFrame(reachableTables);
    window.addEventListener("load", reachableTables);
    var pending = null;
    window.addEventListener("resize", function () {
      window.clearTimeout(pending);
      pending = window.setTimeout(reachableTables, 100);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
