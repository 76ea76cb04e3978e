/* AnyDoor web chat widget. One tag on any page:
   <script src="https://SERVICE/widget.js" data-lang="es" data-color="#0b5394"
           data-position="right" data-server="https://RASA" defer></script>
   No framework, no cookies. Talks to the Rasa server's webchat channel (fetch + EventSource).
   Every word shown comes from /widget/labels, rendered from the AnyDoor catalogs. */
(function () {
  "use strict";
  var tag = document.currentScript;
  if (!tag || window.AnyDoorWidget) return;
  var data = tag.dataset;
  var SERVER = (data.server || "__ANYDOOR_SERVER__").replace(/\/$/, "");
  var ASSETS = tag.src.replace(/\/widget\.js(\?.*)?$/, "");
  var CHAT = SERVER + "/webhooks/webchat/";
  var KEY = "anydoor.";
  var memory = {};

  function store(name, value) {
    try {
      if (value === undefined) return localStorage.getItem(KEY + name);
      if (value === null) localStorage.removeItem(KEY + name);
      else localStorage.setItem(KEY + name, value);
    } catch (e) { // private mode: keep it for this page only
      if (value === undefined) return memory[name] || null;
      memory[name] = value;
    }
  }

  function newSession() {
    var bytes = new Uint8Array(32);
    crypto.getRandomValues(bytes);
    var id = Array.prototype.map.call(bytes, function (b) {
      return ("0" + b.toString(16)).slice(-2);
    }).join("");
    store("session", id);
    return id;
  }

  // Text on the agency's colour: white or black, whichever reaches 4.5:1.
  function luminance(hex) {
    var m = /^#?([0-9a-f]{6})$/i.exec(hex || "");
    if (!m) return null;
    var n = parseInt(m[1], 16);
    return [n >> 16, (n >> 8) & 255, n & 255].map(function (c) {
      c /= 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }).reduce(function (s, c, i) { return s + c * [0.2126, 0.7152, 0.0722][i]; }, 0);
  }
  var color = luminance(data.color) === null ? "#0b5394" : data.color;
  var ink = 1.05 / (luminance(color) + 0.05) >= 4.5 ? "#fff" : "#000";

  var CSS =
    ".ad{--c:" + color + ";--i:" + ink + ";position:fixed;inset-block-end:1rem;z-index:2147483000;" +
    "font:1rem/1.45 system-ui,sans-serif;color:#1a1a1a}" +
    ".ad.ad-end{inset-inline-end:1rem}.ad.ad-start{inset-inline-start:1rem}" +
    ".ad *{box-sizing:border-box}.ad button,.ad input,.ad select{font:inherit;color:#1a1a1a}" +
    ".ad :focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 5px #fff}" +
    ".ad .ad-launch,.ad .ad-send,.ad-user{background:var(--c);color:var(--i)}" +
    ".ad-launch{border:2px solid #fff;border-radius:2rem;padding:.75rem 1.25rem;cursor:pointer;" +
    "box-shadow:0 2px 8px rgba(0,0,0,.35);font-weight:600;max-inline-size:calc(100vw - 2rem)}" +
    ".ad-unread::after{content:'';display:inline-block;inline-size:.6rem;block-size:.6rem;" +
    "border-radius:50%;background:#b00020;margin-inline-start:.5rem;border:1px solid #fff}" +
    ".ad-panel{display:flex;flex-direction:column;background:#fff;border:1px solid #595959;" +
    "border-radius:.75rem;box-shadow:0 4px 16px rgba(0,0,0,.3);" +
    "inline-size:min(24rem,calc(100vw - 2rem));block-size:min(36rem,calc(100vh - 2rem));overflow:hidden}" +
    ".ad-panel[hidden],.ad-launch[hidden]{display:none}" +
    ".ad-head{display:flex;align-items:center;gap:.5rem;padding:.5rem .75rem;background:var(--c);color:var(--i)}" +
    ".ad-head h2{flex:1;margin:0;font-size:1rem}" +
    ".ad .ad-x{background:none;border:0;color:var(--i);font-size:1.5rem;line-height:1;padding:.25rem .5rem;cursor:pointer}" +
    ".ad-tools{display:flex;flex-wrap:wrap;gap:.375rem;padding:.5rem .75rem;border-block-end:1px solid #d0d0d0;" +
    "background:#f4f4f4;align-items:center}" +
    ".ad-tools button,.ad-tools select,.ad-replies button{border:1px solid #595959;border-radius:1rem;" +
    "background:#fff;padding:.25rem .75rem;cursor:pointer;min-block-size:2.25rem}" +
    ".ad-log{flex:1;overflow-y:auto;padding:.75rem;display:flex;flex-direction:column;gap:.5rem}" +
    ".ad-msg{margin:0;padding:.5rem .75rem;border-radius:.75rem;max-inline-size:85%;white-space:pre-wrap;" +
    "overflow-wrap:anywhere}" +
    ".ad-bot,.ad-staff,.ad-note{background:#eef1f5;align-self:flex-start}" +
    ".ad-staff{border-inline-start:4px solid var(--c)}" +
    ".ad-user{align-self:flex-end}.ad-note{font-style:italic}" +
    ".ad-replies{display:flex;flex-wrap:wrap;gap:.375rem;padding:0 .75rem .5rem}" +
    ".ad-typing{padding:0 .75rem;min-block-size:1.5rem;color:#4a4a4a;font-size:.875rem}" +
    ".ad-typing:not(:empty)::after{content:'...';display:inline-block;animation:ad-dots 1.2s steps(4) infinite;" +
    "overflow:hidden;vertical-align:bottom;inline-size:0}" +
    "@keyframes ad-dots{to{inline-size:1.2em}}" +
    ".ad-form{display:flex;gap:.375rem;padding:.5rem .75rem;border-block-start:1px solid #d0d0d0}" +
    ".ad-form input{flex:1;min-inline-size:0;border:1px solid #595959;border-radius:.5rem;padding:.5rem}" +
    ".ad-send{border:0;border-radius:.5rem;padding:.5rem 1rem;cursor:pointer;font-weight:600}" +
    ".ad-sr{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}" +
    "@media (prefers-reduced-motion:reduce){.ad *{animation:none!important;transition:none!important;" +
    "scroll-behavior:auto!important}}";

  function el(name, attrs, text) {
    var node = document.createElement(name);
    for (var k in attrs || {}) node.setAttribute(k, attrs[k]);
    if (text) node.textContent = text;
    return node;
  }

  var root = el("div", { "class": "ad " + (data.position === "left" ? "ad-start" : "ad-end") });
  var L = {}, info = {}, stream = null, retryIn = 2000, loaded = false, queue = Promise.resolve();
  var seen = "0-0"; // the last pushed message shown: a new stream replays those after it
  var session = store("session");
  var language = store("language") || data.lang || document.documentElement.lang || "en";
  var launch, panel, title, closer, tools, human, erase, picker, pickLabel, log, typing, replies,
    form, input, send, inputLabel;

  function post(path, body) {
    // text/plain keeps it a "simple" cross-origin request: no preflight round trip.
    return fetch(CHAT + path, { method: "POST", body: JSON.stringify(body),
      headers: { "Content-Type": "text/plain" } }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
  }

  function build() {
    var style = el("style");
    style.textContent = CSS;
    document.head.appendChild(style);
    launch = el("button", { type: "button", "class": "ad-launch", "aria-expanded": "false",
      "aria-controls": "ad-panel" });
    panel = el("div", { id: "ad-panel", "class": "ad-panel", role: "dialog",
      "aria-labelledby": "ad-title", hidden: "" });
    var head = el("div", { "class": "ad-head" });
    title = el("h2", { id: "ad-title" });
    closer = el("button", { type: "button", "class": "ad-x" }, "\u00d7");
    head.append(title, closer);
    tools = el("div", { "class": "ad-tools" });
    human = el("button", { type: "button" });
    erase = el("button", { type: "button" });
    pickLabel = el("label", { "for": "ad-lang", "class": "ad-sr" });
    picker = el("select", { id: "ad-lang" });
    tools.append(human, erase, pickLabel, picker);
    log = el("div", { "class": "ad-log", role: "log", "aria-live": "polite", tabindex: "0" });
    typing = el("div", { "class": "ad-typing", role: "status" });
    replies = el("div", { "class": "ad-replies" });
    form = el("form", { "class": "ad-form" });
    inputLabel = el("label", { "for": "ad-input", "class": "ad-sr" });
    input = el("input", { id: "ad-input", type: "text", maxlength: "2000", autocomplete: "off" });
    send = el("button", { type: "submit", "class": "ad-send" });
    form.append(inputLabel, input, send);
    panel.append(head, tools, log, typing, replies, form);
    root.append(panel, launch);
    document.body.appendChild(root);

    launch.onclick = function () { toggle(true); };
    closer.onclick = function () { toggle(false); };
    root.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && !panel.hidden) toggle(false);
    });
    human.onclick = function () { say(info.controls.human, L.human); };
    erase.onclick = function () { say(info.controls.erase, L.erase); };
    picker.onchange = function () {
      var pick = info.languages[picker.selectedIndex];
      store("language", pick.code);
      if (session && loaded && log.querySelector(".ad-user")) say(pick.payload, pick.name);
      else labels(pick.code).then(intro);
    };
    form.onsubmit = function (e) {
      e.preventDefault();
      var text = input.value.trim();
      if (text) { input.value = ""; say(text); }
    };
  }

  function labels(lang) {
    return fetch(ASSETS + "/widget/labels?lang=" + encodeURIComponent(lang)).then(function (r) {
      return r.json();
    }).then(function (got) {
      info = got; L = got.labels; language = got.language;
      root.lang = got.tag; root.dir = got.dir;
      launch.textContent = L.open; title.textContent = L.title;
      closer.setAttribute("aria-label", L.close);
      human.textContent = L.human; erase.textContent = L.erase;
      pickLabel.textContent = L.language; inputLabel.textContent = L.input;
      input.placeholder = L.input; send.textContent = L.send;
      picker.textContent = "";
      got.languages.forEach(function (l) {
        var o = el("option", { value: l.code, lang: l.tag }, l.name);
        o.selected = l.code === got.language;
        picker.appendChild(o);
      });
      ["user", "bot", "staff"].forEach(function (who) {
        log.querySelectorAll(".ad-" + who + " .ad-sr").forEach(function (s) {
          s.textContent = L["from_" + who] + " ";
        });
      });
    });
  }

  function add(who, text) {
    var p = el("p", { "class": "ad-msg ad-" + who });
    if (L["from_" + who]) p.appendChild(el("span", { "class": "ad-sr" }, L["from_" + who] + " "));
    p.appendChild(document.createTextNode(text));
    log.appendChild(p);
    log.scrollTop = log.scrollHeight;
  }

  function quick(buttons) {
    replies.textContent = "";
    (buttons || []).forEach(function (b) {
      var button = el("button", { type: "button" }, b.title);
      button.onclick = function () { say(b.payload, b.title); };
      replies.appendChild(button);
    });
  }

  function intro() {
    if (log.querySelector(".ad-msg:not(.ad-note)")) return;
    log.textContent = "";
    add("note ad-intro", L.intro);
    quick([{ title: L.start, payload: info.controls.start }]);
  }

  function show(messages) {
    var last = null;
    messages.forEach(function (m) {
      if (m.text) add(m.from || "bot", m.text);
      last = m;
    });
    if (last && last.from !== "user") quick(last.buttons);
  }

  function say(message, label) {
    if (!session) session = newSession();
    var shownIntro = log.querySelector(".ad-intro");
    if (shownIntro) shownIntro.remove();
    add("user", label || message);
    quick([]);
    typing.textContent = L.typing;
    var body = { session: session, message: message, language: store("language") || data.lang };
    if (label) body.label = label;
    queue = queue.then(function () {
      return post("webhook", body).then(function (got) {
        typing.textContent = "";
        if (got.erased) {
          session = newSession();
          seen = "0-0";
          closeStream();
          log.textContent = "";
        }
        show(got.messages);
        if (got.language !== language) {
          store("language", got.language);
          labels(got.language);
        }
        openStream();
      }, function () {
        typing.textContent = "";
        add("note", L.offline);
        if (!label) input.value = message;
      });
    });
  }

  function closeStream() {
    if (stream && stream.close) stream.close();
    stream = null;
  }

  function openStream() {
    if (stream || !session || !window.EventSource) return;
    stream = true;
    post("stream", { session: session }).then(function (got) {
      var source = new EventSource(CHAT + "events?ticket=" + encodeURIComponent(got.ticket) +
        "&after=" + encodeURIComponent(seen));
      stream = source;
      source.onopen = function () { retryIn = 2000; };
      source.onmessage = function (e) {
        var m = JSON.parse(e.data);
        if (e.lastEventId) seen = e.lastEventId;
        add(m.from || "bot", m.text);
        if (m.buttons && m.buttons.length) quick(m.buttons);
        if (panel.hidden) launch.classList.add("ad-unread");
      };
      source.onerror = function () { source.close(); retry(); };
    }, retry);
  }

  function retry() { // a ticket opens one stream: ask for a new one, less and less often
    stream = null;
    setTimeout(openStream, retryIn);
    retryIn = Math.min(retryIn * 2, 60000);
  }

  function load() {
    if (loaded) return Promise.resolve();
    loaded = true;
    if (!session) { intro(); return Promise.resolve(); }
    log.setAttribute("aria-busy", "true");
    return post("history", { session: session }).then(function (got) {
      log.textContent = "";
      seen = got.pushed || "0-0";
      show(got.messages);
      if (!got.messages.length) intro();
      if (got.language !== language && got.messages.length) return labels(got.language);
    }, function () { add("note", L.offline); loaded = false; }).then(function () {
      log.removeAttribute("aria-busy");
      openStream();
    });
  }

  function toggle(open) {
    panel.hidden = !open;
    launch.hidden = open;
    launch.setAttribute("aria-expanded", String(open));
    store("open", open ? "1" : null);
    if (!open) { launch.focus(); return; }
    launch.classList.remove("ad-unread");
    load().then(function () {
      (replies.querySelector("button") || input).focus();
    });
  }

  build();
  labels(language).then(function () {
    if (store("open")) toggle(true);
    else if (session) load();
  });
  window.AnyDoorWidget = { open: function () { toggle(true); } };
})();
