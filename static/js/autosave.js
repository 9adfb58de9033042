// Article change form: autosave, so nothing an editor types is lost (docs/editorial.md, "Autosave").
//
// While something is unsaved, the form's fields are copied to this browser's localStorage (a few
// seconds after each change) and posted to the server's autosave every half minute, and when the
// tab is hidden or closed. When the form is opened and an autosave differs from what is saved, a
// notice offers to restore it; nothing is filled in until the editor chooses Restore. A restore
// from before someone else's save keeps the form's merge base, so the normal save merges the two
// edits and shows any field both changed side by side. A successful save removes both copies; a
// save that fails (a 500 or 503, no network) leaves the browser's copy for the next opening.
(function () {
  "use strict";

  var PREFIX = "newsroom.autosave.";
  var DONE_COOKIE = "newsroom_autosave_done";
  var SKIP = /^(csrfmiddlewaretoken|_autosave_key|_save|_continue|_addanother|_saveasnew|_link_entity|_entity_proposal|merge_choice_.*)$/;
  var editors = {};

  document.addEventListener("prose-editor:ready", function (event) {
    var textarea = event.detail.textarea;
    if (textarea && textarea.name) { editors[textarea.name] = event.detail.editor; }
  });

  function storageGet(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (e) { return null; }
  }
  function storageSet(key, value) {
    try { window.localStorage.setItem(key, JSON.stringify(value)); return true; } catch (e) { return false; }
  }
  function storageRemove(key) {
    try { window.localStorage.removeItem(key); } catch (e) { /* private mode: nothing kept */ }
  }

  // A save that went through names the copies it made obsolete in a cookie: drop them on any page.
  function dropSavedCopies() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + DONE_COOKIE + "=([^;]*)"));
    if (!match) { return; }
    decodeURIComponent(match[1]).replace(/^"|"$/g, "").split("|").forEach(function (slot) {
      if (slot) { storageRemove(PREFIX + slot); }
    });
    document.cookie = DONE_COOKIE + "=; Max-Age=0; Path=/admin/; SameSite=Lax";
  }

  function randomKey() {
    var bytes = new Uint8Array(12);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  // The body as the editor and the cleaner would both write it: tags, links and text, no formatting.
  function normalHtml(html) {
    var template = document.createElement("template");
    template.innerHTML = html || "";
    var out = [];
    (function walk(node) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === 3) {
          out.push(child.nodeValue);
        } else if (child.nodeType === 1) {
          var tag = child.tagName.toLowerCase();
          var attrs = ["href", "src", "alt"].map(function (a) { return child.getAttribute(a) || ""; }).join("|");
          out.push("<" + tag + " " + attrs + ">");
          walk(child.content || child);
          out.push("</" + tag + ">");
        }
      });
    })(template.content);
    return out.join("").replace(/\s+/g, " ").replace(/<p \|\|>\s*<\/p>/g, "").trim();
  }

  function start(config) {
    var form = document.getElementById("article_form");
    if (!form) { return; }
    var notice = document.getElementById("autosave-notice");
    var status = document.getElementById("autosave-status");
    var draftKey = config.article ? "" : (config.draft_key || randomKey());
    var storageKey = PREFIX + config.user + "." + (config.article ? "a" + config.article : "n" + draftKey);
    var changes = 0;        // edits since the page was opened
    var sentChanges = 0;    // edits the server's autosave holds
    var storedChanges = 0;  // edits the browser's copy holds
    var submitting = false;
    var localTimer = null;

    function keyInput() {
      var input = form.querySelector("input[name=_autosave_key]");
      if (!input) {
        input = document.createElement("input");
        input.type = "hidden";
        input.name = "_autosave_key";
        form.appendChild(input);
      }
      input.value = draftKey;
    }
    if (!config.article) { keyInput(); }

    function snapshot() {
      var fields = {};
      var labels = {};
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || el.disabled || SKIP.test(el.name) || el.name.indexOf("__prefix__") !== -1) { return; }
        if (/^(file|submit|button|reset|image)$/.test(el.type)) { return; }
        if ((el.type === "checkbox" || el.type === "radio") && !el.checked) { return; }
        var value;
        if (el.tagName === "SELECT") {
          var chosen = Array.prototype.filter.call(el.options, function (o) { return o.selected; });
          value = el.multiple ? chosen.map(function (o) { return o.value; }) : el.value;
          if (chosen.length === 1 && chosen[0].value) { labels[el.name] = chosen[0].textContent.trim(); }
        } else {
          value = el.value;
        }
        if (Object.prototype.hasOwnProperty.call(fields, el.name)) {
          fields[el.name] = [].concat(fields[el.name], value);
        } else {
          fields[el.name] = value;
        }
      });
      return { fields: fields, labels: labels };
    }

    function record() {
      var snap = snapshot();
      return {
        fields: snap.fields,
        labels: snap.labels,
        base_version: config.version,
        saved_at: new Date().toISOString(),
        draft_key: draftKey,
        submitting: submitting
      };
    }

    function say(text) { if (status) { status.textContent = text; } }
    function timeOf(iso) {
      var when = new Date(iso);
      return isNaN(when) ? iso : when.toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
    }

    function storeLocal() {
      window.clearTimeout(localTimer);
      localTimer = null;
      if (changes === storedChanges && !submitting) { return; }
      if (storageSet(storageKey, record())) { storedChanges = changes; }
    }

    function csrfToken() {
      var input = form.querySelector("input[name=csrfmiddlewaretoken]");
      return input ? input.value : "";
    }

    function sendServer(keepalive) {
      if (changes === sentChanges || submitting) { return; }
      var upTo = changes;
      var rec = record();
      var body = JSON.stringify({
        article: config.article, draft_key: draftKey, base_version: config.version,
        fields: rec.fields, labels: rec.labels
      });
      if (body.length > config.max_bytes) {
        say("This form is too large to autosave on the server; a copy is kept in this browser.");
        return;
      }
      if (keepalive && body.length > 60000) { return; }  // a closing page may send only this much
      fetch(config.url, {
        method: "POST", credentials: "same-origin", keepalive: !!keepalive, redirect: "error",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        body: body
      }).then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("json") !== -1;
        if (!response.ok || !json) { throw new Error(String(response.status)); }
        return response.json();
      }).then(function (answer) {
        sentChanges = Math.max(sentChanges, upTo);
        say("Autosaved at " + timeOf(answer.saved_at) + ". Not saved to the article yet: use Save.");
      }).catch(function () {
        say("The server could not autosave just now; your changes are kept in this browser.");
      });
    }

    function changed() {
      changes += 1;
      if (!localTimer) { localTimer = window.setTimeout(storeLocal, 2000); }
    }
    form.addEventListener("input", changed, true);
    form.addEventListener("change", changed, true);

    window.setInterval(function () { storeLocal(); sendServer(false); }, Math.max(5, config.interval) * 1000);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { storeLocal(); sendServer(true); }
    });
    window.addEventListener("pagehide", function () { storeLocal(); });
    window.addEventListener("beforeunload", function () { storeLocal(); if (!submitting) { sendServer(true); } });
    form.addEventListener("submit", function () {
      // The save may fail (the database down): the browser keeps what is being sent until the
      // server says it is saved (the cookie read by dropSavedCopies).
      submitting = true;
      if (!config.article) { keyInput(); }
      storageSet(storageKey, record());
    });

    // --- restoring ---------------------------------------------------------------------------

    function addInlineRows(fields) {
      Object.keys(fields).forEach(function (name) {
        var match = name.match(/^(.*)-TOTAL_FORMS$/);
        if (!match) { return; }
        var total = form.querySelector("input[name='" + match[1] + "-TOTAL_FORMS']");
        var wanted = parseInt(fields[name], 10) || 0;
        for (var guard = 0; total && parseInt(total.value, 10) < wanted && guard < 100; guard++) {
          var add = document.querySelector("#" + CSS.escape(match[1]) + "-group .add-row a");
          if (!add) { break; }
          add.click();
        }
      });
    }

    function fill(saved) {
      var fields = saved.fields || {};
      var labels = saved.labels || {};
      addInlineRows(fields);
      Array.prototype.forEach.call(form.elements, function (el) {
        if (!el.name || SKIP.test(el.name) || el.name.indexOf("__prefix__") !== -1) { return; }
        if (/^(file|submit|button|reset|image)$/.test(el.type)) { return; }
        var has = Object.prototype.hasOwnProperty.call(fields, el.name);
        var values = has ? [].concat(fields[el.name]) : [];
        if (el.type === "checkbox" || el.type === "radio") {
          el.checked = values.indexOf(el.value) !== -1;
        } else if (!has) {
          return;
        } else if (el.tagName === "SELECT") {
          values.forEach(function (value) {
            if (value && !Array.prototype.some.call(el.options, function (o) { return o.value === value; })) {
              el.add(new Option(labels[el.name] || value, value));
            }
          });
          Array.prototype.forEach.call(el.options, function (o) { o.selected = values.indexOf(o.value) !== -1; });
          if (window.django && window.django.jQuery) { window.django.jQuery(el).trigger("change"); }
        } else {
          el.value = values[0] || "";
          var editor = editors[el.name];
          if (editor) { editor.commands.setContent(el.value); el.value = values[0] || ""; }
        }
        el.dispatchEvent(new Event("input", { bubbles: true }));
      });
    }

    function differs(saved, current) {
      var names = Object.keys(saved.fields || {}).concat(Object.keys(current.fields));
      return names.some(function (name) {
        if (/^(loaded_version|loaded_values)$/.test(name)) { return false; }
        var a = [].concat(saved.fields[name] === undefined ? [] : saved.fields[name]);
        var b = [].concat(current.fields[name] === undefined ? [] : current.fields[name]);
        var isBody = form.querySelector("textarea[name='" + CSS.escape(name) + "']");
        if (isBody) { return normalHtml(a.join("\n")) !== normalHtml(b.join("\n")); }
        return a.map(String).join("\u0000").replace(/\r\n/g, "\n").trim() !==
          b.map(String).join("\u0000").replace(/\r\n/g, "\n").trim();
      });
    }

    function discardServer() {
      fetch(config.discard_url, {
        method: "POST", credentials: "same-origin", redirect: "error",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
        body: JSON.stringify({ article: config.article, draft_key: draftKey })
      }).catch(function () { /* the record is pruned later */ });
    }

    function button(text, onClick) {
      var b = document.createElement("button");
      b.type = "button";
      b.className = "button";
      b.textContent = text;
      b.addEventListener("click", onClick);
      return b;
    }

    function offer(saved, where) {
      var p = document.createElement("p");
      p.className = "autosave-message";
      p.textContent = "You have unsaved changes from " + timeOf(saved.saved_at) + " (" + where + "). " +
        "Restore puts them back in the form; nothing is saved until you choose Save.";
      notice.replaceChildren(p);
      var newer = config.version && saved.base_version && saved.base_version < config.version;
      if (newer) {
        var warn = document.createElement("p");
        warn.className = "autosave-newer errornote";
        warn.textContent = "This article was saved again" + (config.saved_by ? " by " + config.saved_by : "") +
          " after these changes were made (they were based on version " + saved.base_version +
          "; it is now version " + config.version + "). Restoring does not overwrite that save: when you save, changes to " +
          "different fields are merged, and any field you both changed is shown side by side to choose.";
        notice.appendChild(warn);
      }
      var actions = document.createElement("p");
      actions.appendChild(button("Restore", function () {
        // A restore from an older version keeps that version as the save's merge base.
        var fields = Object.assign({}, saved.fields);
        if (!newer) { delete fields.loaded_version; delete fields.loaded_values; }
        fill({ fields: fields, labels: saved.labels });
        changed();
        storeLocal();
        notice.hidden = true;
        say("Restored your changes from " + timeOf(saved.saved_at) + ". Check them and Save.");
      }));
      actions.appendChild(document.createTextNode(" "));
      actions.appendChild(button("Discard", function () {
        storageRemove(storageKey);
        discardServer();
        notice.hidden = true;
        say("Discarded the unsaved changes.");
      }));
      notice.appendChild(actions);
      notice.hidden = false;
    }

    if (config.bound) {
      // Shown again after a save that did not go through: the form holds the editor's text, which
      // is still unsaved. Keep it in both places at once.
      changes = 1;
      storeLocal();
      sendServer(false);
      return;
    }

    var local = storageGet(storageKey);
    if (!config.article && !local) {
      // A new article: the browser's latest unsaved new article of this user.
      var newest = null;
      for (var i = 0; i < window.localStorage.length; i++) {
        var key = window.localStorage.key(i);
        if (key && key.indexOf(PREFIX + config.user + ".n") === 0) {
          var candidate = storageGet(key);
          if (candidate && (!newest || candidate.saved_at > newest.saved_at)) { newest = candidate; }
        }
      }
      local = newest;
    }
    var server = config.server;
    var saved = local;
    var where = "kept in this browser";
    if (server && (!local || server.saved_at > local.saved_at)) { saved = server; where = "autosaved on the server"; }
    if (!saved) { return; }
    if (!config.article && saved.draft_key) {
      draftKey = saved.draft_key;
      storageKey = PREFIX + config.user + ".n" + draftKey;
      keyInput();
    }
    if (!differs(saved, snapshot())) {
      // Nothing that is not saved already: the copies go quietly.
      storageRemove(storageKey);
      if (server) { discardServer(); }
      return;
    }
    offer(saved, where);
  }

  dropSavedCopies();
  document.addEventListener("DOMContentLoaded", function () {
    var element = document.getElementById("autosave-config");
    if (element) { start(JSON.parse(element.textContent)); }
  });
})();
