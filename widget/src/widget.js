// Familien-Lotse chat widget. Embed with one tag:
//   <script src="https://BOT/webchat/lotse-widget.js" defer></script>
// Optional: data-server, data-title, data-color, data-start-open="true", data-fallback-phone on that tag,
// or window.LotseWidgetConfig = {server, title, color, startOpen, fallbackPhone} before it.
// Everything from the bot or from offers is rendered as text, never as HTML.
import { io } from "socket.io-client";

const SESSION_KEY = "familien-lotse-session";
const LANGUAGE_KEY = `${SESSION_KEY}-language`;
const MAX_MESSAGE_CHARS = 1000;
// The header's language button before a language is chosen: one word per language, each marked with its own lang
const LANGUAGE_WORDS = [["de", "Sprache"], ["uk", "Мова"], ["ar", "اللغة"], ["tr", "Dil"], ["en", "Language"]];
// The widget's own texts in German. A language message from the bot ({"type": "language", labels}) replaces them
// key by key: `labels:` in languages/<code>.yml. LABEL_KEYS in lotse/languages.py = these keys + switch_invitation
// (the server's). {max} is filled in by the widget.
const TEXT = {
  open: "Chat öffnen: Familien-Lotse",
  close: "Chat schließen",
  restart: "Neu starten",
  language_button: LANGUAGE_WORDS.map(([, word]) => word).join(" · "),
  history: "Gesprächsverlauf",
  you: "Sie",
  bot: "Lotse",
  replies: "Antwortmöglichkeiten",
  typing: "Der Lotse schreibt …",
  input_label: "Ihre Nachricht",
  input_placeholder: "Schreiben Sie hier …",
  send: "Senden",
  too_long: "Die Nachricht ist zu lang. Bitte höchstens {max} Zeichen.",
  offline: "Der Chat ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
  offline_contact: "Oder fragen Sie im Familienzentrum Alfeld, Marktplatz 5, 31061 Alfeld (Leine).",
  reconnected: "Die Verbindung ist wieder da.",
  privacy: "Datenschutz",
  conversation_id: "Ihre Gesprächsnummer (zum Löschen beim Familienzentrum nennen):",
  privacy_page: "Was wird gespeichert?",
  more_info: "Mehr Infos",
  hint: "Hinweis",
  cost: "Kosten",
  phone: "Telefon",
  email: "E-Mail",
  opening_hours: "Zeiten",
  map: "Karte",
};
const GERMAN = { code: "de", lang: "de", dir: "ltr", labels: {} };
const CHOOSE_LANGUAGE = /^\/choose_language\{"language":\s*"([A-Za-z-]{2,20})"\}$/;

const script = document.currentScript;

// A message's id for the server's duplicate check: unique within a conversation is enough
function newMessageId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

// Settings: defaults < data-* attributes of the script tag < window.LotseWidgetConfig
function scriptSettings() {
  if (!script) return {};
  const data = script.dataset;
  const settings = { server: script.src ? new URL(script.src).origin : undefined };
  if (data.server) settings.server = data.server;
  if (data.title) settings.title = data.title;
  if (data.color) settings.color = data.color;
  if (data.startOpen) settings.startOpen = data.startOpen === "true";
  if (data.fallbackPhone) settings.fallbackPhone = data.fallbackPhone;
  return settings;
}

const config = Object.assign(
  { server: window.location.origin, title: "Familien-Lotse Alfeld", color: "#0b5394", startOpen: false, fallbackPhone: "" },
  JSON.parse(JSON.stringify(scriptSettings())),
  window.LotseWidgetConfig || {},
);

export function safeHref(value) {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  if (/^(tel|mailto):/i.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

// The language message (or what sessionStorage kept of it), checked: only known keys, only strings
export function languageFrom(value) {
  const given = value && typeof value === "object" ? value : {};
  const labels = {};
  const source = given.labels && typeof given.labels === "object" ? given.labels : {};
  for (const key of Object.keys(TEXT)) {
    if (typeof source[key] === "string" && source[key].trim()) labels[key] = source[key];
  }
  const tag = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
  return {
    code: typeof given.code === "string" && tag.test(given.code) ? given.code : "de",
    lang: typeof given.lang === "string" && tag.test(given.lang) ? given.lang : "de",
    dir: given.dir === "rtl" ? "rtl" : "ltr",
    labels,
  };
}

export function fill(text, values) {
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

// The HTML lang of a language button's language: ISO codes as they are; our own codes (einfach) are German
function htmlLang(code) {
  return /^[a-z]{2,3}$/.test(code) ? code : "de";
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) {
    if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

// Helpline and emergency numbers in the bot's text become one-tap calls ("Elterntelefon: 0800 111 0 550",
// "Notruf 112"): a number of three or more digits after a colon, "Notruf", "Polizei", "Kummer" or "oder".
const CALLABLE = /((?::|\bNotruf|\bPolizei|\bKummer|\boder)\s+)(\+?\d(?:[\d ]*\d){2,})(?!\d|\s*(?:Euro|€|%|Jahre|Zeichen))/g;

export function withCallLinks(text) {
  const nodes = [];
  let last = 0;
  for (const match of text.matchAll(CALLABLE)) {
    const start = match.index + match[1].length;
    nodes.push(text.slice(last, start), link(match[2], `tel:${match[2].replace(/[^\d+]/g, "")}`, { dir: "ltr" }));
    last = start + match[2].length;
  }
  nodes.push(text.slice(last));
  return nodes;
}

// Phone numbers, e-mail and web addresses stay left to right in right-to-left text: extra {dir: "ltr"}
function link(label, href, extra = {}) {
  const safe = safeHref(href);
  if (!safe) return document.createTextNode(label);
  const external = /^https?:/i.test(safe);
  return el("a", { href: safe, target: external ? "_blank" : null, rel: external ? "noopener noreferrer" : null, ...extra }, label);
}

function globeIcon() {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [key, value] of Object.entries({ viewBox: "0 0 24 24", width: "20", height: "20", "aria-hidden": "true", focusable: "false" })) {
    svg.setAttribute(key, value);
  }
  for (const d of ["M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z", "M2 12h20", "M12 2c3 3 4.5 6.5 4.5 10s-1.5 7-4.5 10c-3-3-4.5-6.5-4.5-10s1.5-7 4.5-10z"]) {
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}

const STYLE = `
.lotse-root{--lotse-color:${config.color};font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a}
.lotse-root *{box-sizing:border-box}
.lotse-launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;min-height:48px;padding:12px 18px;border:0;border-radius:24px;background:var(--lotse-color);color:#fff;font:inherit;font-weight:600;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.lotse-panel{position:fixed;right:16px;bottom:16px;z-index:2147483001;width:380px;max-width:calc(100vw - 32px);height:600px;max-height:calc(100vh - 32px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.35);overflow:hidden}
.lotse-panel[hidden]{display:none}
.lotse-header{padding:8px 12px;background:var(--lotse-color);color:#fff}
.lotse-bar{display:flex;align-items:center;gap:8px}
.lotse-header h2{flex:1;min-width:0;margin:0;font-size:1.05rem}
.lotse-header button{min-height:44px;min-width:44px;padding:8px 10px;border:2px solid #fff;border-radius:8px;background:transparent;color:#fff;font:inherit;cursor:pointer}
.lotse-header .lotse-language{display:inline-flex;align-items:center;gap:6px;max-width:100%;min-height:40px;margin-top:6px;padding:4px 10px;font-size:.9rem;text-align:start}
.lotse-language svg{flex:none;fill:none;stroke:currentColor;stroke-width:1.6}
.lotse-log{flex:1;overflow-y:auto;overflow-x:hidden;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f4f6f8}
.lotse-msg{max-width:90%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.lotse-bot{align-self:flex-start;background:#fff;border:1px solid #c8cdd2}
.lotse-user{align-self:flex-end;background:var(--lotse-color);color:#fff}
.lotse-replies{display:flex;flex-wrap:wrap;gap:6px}
.lotse-replies button{min-height:44px;padding:8px 12px;border:2px solid var(--lotse-color);border-radius:22px;background:#fff;color:var(--lotse-color);font:inherit;font-weight:600;cursor:pointer;text-align:start}
.lotse-card{align-self:stretch;padding:10px 12px;border:1px solid #c8cdd2;border-inline-start:6px solid var(--lotse-color);border-radius:8px;background:#fff;overflow-wrap:anywhere}
.lotse-panel[dir="rtl"] .lotse-card{text-align:right}
.lotse-root :lang(ar){line-height:1.6}
.lotse-card h3{margin:0 0 4px;font-size:1rem}
.lotse-card p{margin:2px 0}
.lotse-card a{color:#0a4a85;font-weight:600}
.lotse-hint{color:#7a3b00;font-weight:600}
.lotse-alert{margin:4px 0 6px;padding:6px 8px;border-radius:6px;background:#fff4e5;border:2px solid #b45309;color:#6b3600;font-weight:700}
.lotse-language-note{color:#1b5e20;font-weight:600}
.lotse-card summary{min-height:44px;padding:10px 0;color:#0a4a85;font-weight:600;cursor:pointer}
.lotse-typing{padding:4px 12px;color:#444;font-style:italic}
.lotse-status{padding:8px 12px;background:#fff4e5;color:#6b3600;border-top:1px solid #e6c9a8}
.lotse-form{display:flex;gap:6px;padding:8px;border-top:1px solid #c8cdd2;background:#fff}
.lotse-form input{flex:1;min-width:0;min-height:44px;padding:8px 10px;border:2px solid #6b7280;border-radius:8px;font:inherit}
.lotse-form button{min-height:44px;padding:8px 14px;border:0;border-radius:8px;background:var(--lotse-color);color:#fff;font:inherit;font-weight:600;cursor:pointer}
.lotse-privacy{padding:0 12px 6px;background:#fff;font-size:.9rem}
.lotse-privacy summary{min-height:32px;padding:6px 0;color:#0a4a85;cursor:pointer}
.lotse-privacy code{overflow-wrap:anywhere}
.lotse-root :focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.lotse-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.lotse-panel{right:0;bottom:0;width:100vw;max-width:100vw;height:100%;max-height:100%;border-radius:0}}
`;

// "laut <source>, Stand <date>": the source's name becomes a link to the page the facts were read on
function sourceHint(offer) {
  const at = offer.source && offer.source_url ? offer.hint.indexOf(offer.source) : -1;
  if (at < 0) return [offer.hint];
  const before = offer.hint.slice(0, at);
  const after = offer.hint.slice(at + offer.source.length);
  return [before, link(offer.source, offer.source_url, { lang: "de", dir: "auto" }), after];
}

// An offer's own data is German (offers database); labels and the hint are in the chat's language.
// German parts carry lang="de" and are isolated (dir="auto", <bdi>) so they stay readable in right-to-left text.
function renderOffer(offer, text, lang) {
  const german = (tag, value) => el(tag, { lang: "de", dir: "auto" }, value);
  const card = el("article", { class: "lotse-card", lang }, german("h3", offer.title || ""));
  const line = (...parts) => card.append(el("p", {}, ...parts));
  // an alert ("Im August geschlossen.", or "temporarily closed" in the chat's language) comes first, unmissable
  if (offer.alert) card.append(el("p", { class: "lotse-alert", role: "note", dir: "auto" }, "⚠ ", offer.alert));
  if (offer.organization) card.append(german("p", offer.organization));
  if (offer.address) {
    const map = `https://www.openstreetmap.org/search?query=${encodeURIComponent(offer.address)}`;
    line(german("bdi", offer.address), " · ", link(text.map, map));
  }
  if (offer.phone) line(`${text.phone}: `, link(offer.phone, `tel:${offer.phone.replace(/[^\d+]/g, "")}`, { dir: "ltr" }));
  if (offer.email) line(`${text.email}: `, link(offer.email, `mailto:${offer.email}`, { dir: "ltr" }));
  if (offer.website) line(link(offer.website.replace(/^https?:\/\//, ""), offer.website, { dir: "ltr" }));
  if (offer.cost) line(`${text.cost}: `, german("bdi", offer.cost));
  if (offer.language_note) card.append(el("p", { class: "lotse-language-note" }, offer.language_note));
  if (offer.hint) card.append(el("p", { class: "lotse-hint" }, `${text.hint}: `, ...sourceHint(offer)));
  const more = [
    offer.description && german("p", offer.description),
    offer.opening_hours && el("p", {}, `${text.opening_hours}: `, german("bdi", offer.opening_hours)),
    offer.how_to_apply && german("p", offer.how_to_apply),
  ].filter(Boolean);
  if (more.length) card.append(el("details", {}, el("summary", {}, text.more_info), ...more));
  return card;
}

class LotseWidget {
  constructor() {
    // every text below is set by showLanguage(): German (TEXT) or the chosen language's labels
    this.root = el("div", { class: "lotse-root", lang: "de" });
    this.launcher = el("button", { class: "lotse-launcher", type: "button", "aria-expanded": "false", "aria-controls": "lotse-panel" }, config.title);
    this.title = el("h2", { id: "lotse-title" }, config.title);
    this.restartButton = el("button", { type: "button" });
    this.closeButton = el("button", { type: "button" }, "✕");
    this.languageButton = el("button", { type: "button", class: "lotse-language" });
    this.log = el("div", { class: "lotse-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", tabindex: "0" });
    this.typing = el("div", { class: "lotse-typing", hidden: true, "aria-hidden": "true" });
    this.status = el("div", { class: "lotse-status", role: "alert", hidden: true });
    this.input = el("input", { id: "lotse-input", type: "text", maxlength: String(MAX_MESSAGE_CHARS), autocomplete: "off" });
    this.inputLabel = el("label", { for: "lotse-input", class: "lotse-sr" });
    this.sendButton = el("button", { type: "submit" });
    this.form = el("form", { class: "lotse-form" }, this.inputLabel, this.input, this.sendButton);
    this.sessionNumber = el("code", { dir: "ltr" });
    this.privacySummary = el("summary", {});
    this.conversationId = el("span", {});
    this.privacyLink = link("", `${config.server}/webchat/datenschutz`, { hreflang: "de" });  // the page is German
    this.privacy = el("details", { class: "lotse-privacy" }, this.privacySummary,
      el("p", {}, this.conversationId, " ", this.sessionNumber), el("p", {}, this.privacyLink));
    this.panel = el("section", { id: "lotse-panel", class: "lotse-panel", role: "dialog", "aria-labelledby": "lotse-title", hidden: true },
      el("div", { class: "lotse-header" }, el("div", { class: "lotse-bar" }, this.title, this.restartButton, this.closeButton), this.languageButton),
      this.log, this.typing, this.status, this.form, this.privacy);
    this.root.append(el("style", {}, STYLE), this.launcher, this.panel);
    this.showLanguage(this.storedLanguage() || GERMAN);
    document.body.append(this.root);

    this.launcher.addEventListener("click", () => this.open());
    this.closeButton.addEventListener("click", () => this.close());
    this.restartButton.addEventListener("click", () => this.restart());
    this.languageButton.addEventListener("click", () => this.send("/choose_language", this.text.language_button));
    this.panel.addEventListener("keydown", (event) => { if (event.key === "Escape") this.close(); });
    this.form.addEventListener("submit", (event) => { event.preventDefault(); this.sendText(); });
    this.connect();
    if (config.startOpen || sessionStorage.getItem(`${SESSION_KEY}-open`) === "1") this.open();
  }

  connect() {
    // messages sent but not yet confirmed by the server (id -> message): sent again after a reconnect unless the
    // conversation the server replays already has them (the server also drops a resent one it already has)
    this.pending = new Map();
    // long-polling only: the Sanic driver of python-engineio 4.7 cannot upgrade to websockets
    this.socket = io(config.server, { path: "/socket.io", transports: ["polling"], reconnectionDelayMax: 4000 });
    this.socket.on("connect", () => {
      if (this.offline) this.showStatus(this.text.reconnected, 3000);
      this.offline = false;
      this.socket.emit("session_request", this.storedSession() || {});
    });
    this.socket.on("connect_error", () => this.goOffline());
    this.socket.on("disconnect", () => this.goOffline());
    this.socket.on("session_confirm", (session) => {
      const known = this.storedSession();
      this.sessionIsNew = !known || known.session_id !== session.session_id;
      sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
      this.sessionNumber.textContent = session.session_id;
      if (this.sessionIsNew) { this.log.replaceChildren(); this.greeted = false; this.pending.clear(); this.chooseLanguage(GERMAN); }  // a new chat starts in German
      if (this.sessionIsNew && this.isOpen()) this.greet();
    });
    this.socket.on("history", ({ messages, received }) => {
      this.log.replaceChildren();
      // the history has the language messages: replayed from German, each message gets the language it had
      if ((messages || []).some((message) => message.custom && message.custom.type === "language")) this.showLanguage(GERMAN);
      for (const message of messages || []) {
        if (message.sender === "user") this.addUser(message.text);
        else this.addBot(message, false);
      }
      // nothing stored yet: a greeting asked for before a reconnect was lost with its instance, ask again
      this.greeted = (messages || []).length > 0;
      if (!this.greeted && this.isOpen()) this.greet();
      this.resendPending(new Set(received || []));
    });
    this.socket.on("bot_uttered", (message) => this.addBot(message, true));
    this.socket.on("chat_error", (error) => {
      const tooLong = error && error.code === "too_long";
      this.showStatus(tooLong ? fill(this.text.too_long, { max: error.max || MAX_MESSAGE_CHARS }) : this.text.offline, 5000);
    });
  }

  storedSession() {
    try { return JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null"); } catch { return null; }
  }

  storedLanguage() {
    try {
      const stored = JSON.parse(sessionStorage.getItem(LANGUAGE_KEY) || "null");
      return stored ? languageFrom(stored) : null;
    } catch { return null; }
  }

  // The chosen language, kept for a reload like the session (German: nothing kept)
  chooseLanguage(message) {
    this.showLanguage(message);
    if (this.language.code === GERMAN.code) sessionStorage.removeItem(LANGUAGE_KEY);
    else sessionStorage.setItem(LANGUAGE_KEY, JSON.stringify(this.language));
  }

  // lang and dir on the panel, every text of the widget in that language; messages keep the language they had
  showLanguage(message) {
    this.language = languageFrom(message);
    this.text = { ...TEXT, ...this.language.labels };
    const text = this.text;
    this.root.setAttribute("lang", this.language.lang);
    this.panel.setAttribute("lang", this.language.lang);
    this.panel.setAttribute("dir", this.language.dir);
    this.launcher.setAttribute("aria-label", text.open);
    this.restartButton.textContent = text.restart;
    this.closeButton.setAttribute("aria-label", text.close);
    const words = text.language_button === TEXT.language_button
      ? LANGUAGE_WORDS.flatMap(([lang, word], index) => [index ? " · " : null, el("span", { lang }, word)]).filter(Boolean)
      : [text.language_button];
    this.languageButton.replaceChildren(globeIcon(), el("span", {}, ...words));
    this.log.setAttribute("aria-label", text.history);
    this.typing.textContent = text.typing;
    this.inputLabel.textContent = text.input_label;
    this.input.setAttribute("placeholder", text.input_placeholder);
    this.sendButton.textContent = text.send;
    this.privacySummary.textContent = text.privacy;
    this.conversationId.textContent = text.conversation_id;
    this.privacyLink.textContent = text.privacy_page;
  }

  isOpen() { return !this.panel.hidden; }

  open() {
    this.panel.hidden = false;
    this.launcher.hidden = true;
    this.launcher.setAttribute("aria-expanded", "true");
    sessionStorage.setItem(`${SESSION_KEY}-open`, "1");
    if (!this.greeted && this.socket.connected && this.storedSession()) this.greet();
    this.input.focus();
  }

  close() {
    this.panel.hidden = true;
    this.launcher.hidden = false;
    this.launcher.setAttribute("aria-expanded", "false");
    sessionStorage.setItem(`${SESSION_KEY}-open`, "0");
    this.launcher.focus();
  }

  greet() {
    if (this.greeted) return;
    this.greeted = true;
    this.send("/greet", null, undefined, false);  // not kept: an empty conversation after a reconnect asks again
  }

  restart() {
    sessionStorage.removeItem(SESSION_KEY);
    this.chooseLanguage(GERMAN);
    this.log.replaceChildren();
    this.greeted = false;
    this.pending.clear();
    this.socket.emit("session_request", { restart: true });
    this.input.focus();
  }

  sendText() {
    const text = this.input.value.trim();
    if (!text) return;
    if (text.length > MAX_MESSAGE_CHARS) { this.showStatus(fill(this.text.too_long, { max: MAX_MESSAGE_CHARS }), 5000); return; }
    this.input.value = "";
    this.send(text, text);
  }

  send(payload, shownText, shownLang, keep = true) {
    if (!this.socket.connected) { this.goOffline(); return; }
    if (shownText) this.addUser(shownText, shownLang);
    const message = { message: payload, id: keep ? newMessageId() : undefined, shownText, shownLang };
    if (keep) this.pending.set(message.id, message);
    this.emitMessage(message, false);
  }

  // the server confirms a message once it has been handled (or refused); until then it stays pending
  emitMessage(message, resent) {
    this.typing.hidden = false;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => { this.typing.hidden = true; }, 15000);
    const data = { message: message.message };
    if (message.id) Object.assign(data, { id: message.id, resent });
    this.socket.emit("user_uttered", data, () => this.pending.delete(message.id));
  }

  // after a reconnect: the replayed conversation is shown; what the server never received is shown and sent again
  resendPending(received) {
    for (const [id, message] of this.pending) {
      if (received.has(id)) { this.pending.delete(id); continue; }
      if (message.shownText) this.addUser(message.shownText, message.shownLang);
      this.emitMessage(message, true);
    }
  }

  addUser(text, lang = this.language.lang) {
    // dir="auto": Arabic (or any right-to-left text) is laid out right to left, message by message
    const sr = el("span", { class: "lotse-sr", lang: this.language.lang }, `${this.text.you}: `);
    this.log.append(el("div", { class: "lotse-msg lotse-user", dir: "auto", lang }, sr, text));
    this.scroll();
  }

  addBot(message, live) {
    if (live) { this.typing.hidden = true; clearTimeout(this.typingTimer); }
    const custom = message.custom;
    if (custom && custom.type === "language") this.chooseLanguage(custom);  // before the texts that follow it
    const lang = this.language.lang;
    if (message.text) {
      const text = el("div", { class: "lotse-msg lotse-bot", dir: "auto", lang }, el("span", { class: "lotse-sr" }, `${this.text.bot}: `));
      text.append(...withCallLinks(message.text));
      this.log.append(text);
    }
    if (custom && custom.type === "offers" && Array.isArray(custom.offers)) {
      // cards go above the answer buttons of the text that introduced them
      const last = this.log.lastElementChild;
      const before = last && last.classList.contains("lotse-replies") ? last : null;
      for (const offer of custom.offers) this.log.insertBefore(renderOffer(offer, this.text, lang), before);
    }
    const replies = message.quick_replies || message.buttons;
    if (Array.isArray(replies) && replies.length) {
      const group = el("div", { class: "lotse-replies", role: "group", "aria-label": this.text.replies, lang });
      for (const reply of replies) {
        // a language's button is written in that language
        const chosen = CHOOSE_LANGUAGE.exec(String(reply.payload || ""));
        const replyLang = chosen ? htmlLang(chosen[1]) : null;
        const button = el("button", { type: "button", dir: "auto", lang: replyLang }, reply.title);
        button.addEventListener("click", () => this.send(reply.payload, reply.title, replyLang || undefined));
        group.append(button);
      }
      this.log.append(group);
    }
    this.scroll();
  }

  scroll() { this.log.scrollTop = this.log.scrollHeight; }

  goOffline() {
    if (this.offline) return;
    this.offline = true;
    this.typing.hidden = true;
    const phone = config.fallbackPhone
      ? [` ${this.text.phone}: `, link(config.fallbackPhone, `tel:${config.fallbackPhone.replace(/[^\d+]/g, "")}`, { dir: "ltr" })]
      : [];
    this.showStatus([`${this.text.offline} ${this.text.offline_contact}`, ...phone]);
  }

  showStatus(content, hideAfterMs) {
    this.status.replaceChildren(...[].concat(content));
    this.status.setAttribute("lang", this.language.lang);  // a notice stays in the language it was written in
    this.status.setAttribute("dir", this.language.dir);
    this.status.hidden = false;
    clearTimeout(this.statusTimer);
    if (hideAfterMs) this.statusTimer = setTimeout(() => { this.status.hidden = true; }, hideAfterMs);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => { window.lotseWidget = new LotseWidget(); });
else window.lotseWidget = new LotseWidget();
