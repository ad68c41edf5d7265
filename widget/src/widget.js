// Familien-Lotse chat widget. Embed with one tag:
//   <script src="https://BOT/webchat/lotse-widget.js" defer></script>
// Optional: data-server, data-title, data-color, data-start-open="true", data-fallback-phone on that tag,
// or window.LotseWidgetConfig = {server, title, color, startOpen, fallbackPhone} before it.
// Everything from the bot or from offers is rendered as text, never as HTML.
import { io } from "socket.io-client";

const SESSION_KEY = "familien-lotse-session";
const MAX_MESSAGE_CHARS = 1000;
const TEXT = {
  open: "Chat öffnen: Familien-Lotse",
  close: "Chat schließen",
  restart: "Neu starten",
  send: "Senden",
  inputLabel: "Ihre Nachricht",
  placeholder: "Schreiben Sie hier …",
  typing: "Der Lotse schreibt …",
  offline: "Der Chat ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.",
  offlineContact: "Oder fragen Sie im Familienzentrum Alfeld, Marktplatz 5, 31061 Alfeld (Leine)",
  reconnected: "Die Verbindung ist wieder da.",
  tooLong: `Die Nachricht ist zu lang. Bitte höchstens ${MAX_MESSAGE_CHARS} Zeichen.`,
  map: "Karte",
  privacy: "Datenschutz",
  privacyPage: "Was wird gespeichert?",
  conversationId: "Ihre Gesprächsnummer (zum Löschen beim Familienzentrum nennen):",
  more: "Mehr Infos",
  hintLabel: "Hinweis",
};

const script = document.currentScript;

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
    nodes.push(text.slice(last, start), link(match[2], `tel:${match[2].replace(/[^\d+]/g, "")}`));
    last = start + match[2].length;
  }
  nodes.push(text.slice(last));
  return nodes;
}

function link(label, href) {
  const safe = safeHref(href);
  if (!safe) return document.createTextNode(label);
  const external = /^https?:/i.test(safe);
  return el("a", { href: safe, target: external ? "_blank" : null, rel: external ? "noopener noreferrer" : null }, label);
}

const STYLE = `
.lotse-root{--lotse-color:${config.color};font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a}
.lotse-root *{box-sizing:border-box}
.lotse-launcher{position:fixed;right:16px;bottom:16px;z-index:2147483000;min-height:48px;padding:12px 18px;border:0;border-radius:24px;background:var(--lotse-color);color:#fff;font:inherit;font-weight:600;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.lotse-panel{position:fixed;right:16px;bottom:16px;z-index:2147483001;width:380px;max-width:calc(100vw - 32px);height:600px;max-height:calc(100vh - 32px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.35);overflow:hidden}
.lotse-panel[hidden]{display:none}
.lotse-header{display:flex;align-items:center;gap:8px;padding:10px 12px;background:var(--lotse-color);color:#fff}
.lotse-header h2{flex:1;margin:0;font-size:1.05rem}
.lotse-header button{min-height:44px;min-width:44px;padding:8px 10px;border:2px solid #fff;border-radius:8px;background:transparent;color:#fff;font:inherit;cursor:pointer}
.lotse-log{flex:1;overflow-y:auto;overflow-x:hidden;padding:12px;display:flex;flex-direction:column;gap:8px;background:#f4f6f8}
.lotse-msg{max-width:90%;padding:8px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.lotse-bot{align-self:flex-start;background:#fff;border:1px solid #c8cdd2}
.lotse-user{align-self:flex-end;background:var(--lotse-color);color:#fff}
.lotse-replies{display:flex;flex-wrap:wrap;gap:6px}
.lotse-replies button{min-height:44px;padding:8px 12px;border:2px solid var(--lotse-color);border-radius:22px;background:#fff;color:var(--lotse-color);font:inherit;font-weight:600;cursor:pointer;text-align:left}
.lotse-card{align-self:stretch;padding:10px 12px;border:1px solid #c8cdd2;border-left:6px solid var(--lotse-color);border-radius:8px;background:#fff;overflow-wrap:anywhere}
.lotse-card h3{margin:0 0 4px;font-size:1rem}
.lotse-card p{margin:2px 0}
.lotse-card a{color:#0a4a85;font-weight:600}
.lotse-hint{color:#7a3b00;font-weight:600}
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

function renderOffer(offer) {
  const card = el("article", { class: "lotse-card" }, el("h3", {}, offer.title || ""));
  const line = (...parts) => card.append(el("p", {}, ...parts));
  if (offer.organization) line(offer.organization);
  if (offer.address) {
    const map = `https://www.openstreetmap.org/search?query=${encodeURIComponent(offer.address)}`;
    line(offer.address, " · ", link(TEXT.map, map));
  }
  if (offer.phone) line("Telefon: ", link(offer.phone, `tel:${offer.phone.replace(/[^\d+]/g, "")}`));
  if (offer.email) line("E-Mail: ", link(offer.email, `mailto:${offer.email}`));
  if (offer.website) line(link(offer.website.replace(/^https?:\/\//, ""), offer.website));
  if (offer.cost) line("Kosten: ", offer.cost);
  if (offer.hint) card.append(el("p", { class: "lotse-hint" }, `${TEXT.hintLabel}: ${offer.hint}`));
  const more = [offer.description, offer.opening_hours && `Zeiten: ${offer.opening_hours}`, offer.how_to_apply].filter(Boolean);
  if (more.length) card.append(el("details", {}, el("summary", {}, TEXT.more), ...more.map((text) => el("p", {}, text))));
  return card;
}

class LotseWidget {
  constructor() {
    this.root = el("div", { class: "lotse-root", lang: "de" });
    this.launcher = el("button", { class: "lotse-launcher", type: "button", "aria-expanded": "false", "aria-controls": "lotse-panel" }, config.title);
    this.launcher.setAttribute("aria-label", TEXT.open);
    this.title = el("h2", { id: "lotse-title" }, config.title);
    this.restartButton = el("button", { type: "button" }, TEXT.restart);
    this.closeButton = el("button", { type: "button", "aria-label": TEXT.close }, "✕");
    this.log = el("div", { class: "lotse-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", tabindex: "0", "aria-label": "Gesprächsverlauf" });
    this.typing = el("div", { class: "lotse-typing", hidden: true, "aria-hidden": "true" }, TEXT.typing);
    this.status = el("div", { class: "lotse-status", role: "alert", hidden: true });
    this.input = el("input", { id: "lotse-input", type: "text", maxlength: String(MAX_MESSAGE_CHARS), autocomplete: "off", placeholder: TEXT.placeholder });
    this.form = el("form", { class: "lotse-form" },
      el("label", { for: "lotse-input", class: "lotse-sr" }, TEXT.inputLabel), this.input, el("button", { type: "submit" }, TEXT.send));
    this.sessionNumber = el("code", {});
    const privacyLink = link(TEXT.privacyPage, `${config.server}/webchat/datenschutz`);
    this.privacy = el("details", { class: "lotse-privacy" }, el("summary", {}, TEXT.privacy),
      el("p", {}, TEXT.conversationId, " ", this.sessionNumber), el("p", {}, privacyLink));
    this.panel = el("section", { id: "lotse-panel", class: "lotse-panel", role: "dialog", "aria-labelledby": "lotse-title", hidden: true },
      el("div", { class: "lotse-header" }, this.title, this.restartButton, this.closeButton), this.log, this.typing, this.status,
      this.form, this.privacy);
    this.root.append(el("style", {}, STYLE), this.launcher, this.panel);
    document.body.append(this.root);

    this.launcher.addEventListener("click", () => this.open());
    this.closeButton.addEventListener("click", () => this.close());
    this.restartButton.addEventListener("click", () => this.restart());
    this.panel.addEventListener("keydown", (event) => { if (event.key === "Escape") this.close(); });
    this.form.addEventListener("submit", (event) => { event.preventDefault(); this.sendText(); });
    this.connect();
    if (config.startOpen || sessionStorage.getItem(`${SESSION_KEY}-open`) === "1") this.open();
  }

  connect() {
    // long-polling only: the Sanic driver of python-engineio 4.7 cannot upgrade to websockets
    this.socket = io(config.server, { path: "/socket.io", transports: ["polling"], reconnectionDelayMax: 4000 });
    this.socket.on("connect", () => {
      if (this.offline) this.showStatus(TEXT.reconnected, 3000);
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
      if (this.sessionIsNew) { this.log.replaceChildren(); this.greeted = false; }
      if (this.sessionIsNew && this.isOpen()) this.greet();
    });
    this.socket.on("history", ({ messages }) => {
      this.log.replaceChildren();
      for (const message of messages || []) {
        if (message.sender === "user") this.addUser(message.text);
        else this.addBot(message, false);
      }
      this.greeted = this.greeted || (messages || []).length > 0;
      if (!this.greeted && this.isOpen()) this.greet();
    });
    this.socket.on("bot_uttered", (message) => this.addBot(message, true));
    this.socket.on("chat_error", (error) => this.showStatus(error && error.code === "too_long" ? TEXT.tooLong : TEXT.offline, 5000));
  }

  storedSession() {
    try { return JSON.parse(sessionStorage.getItem(SESSION_KEY) || "null"); } catch { return null; }
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
    this.send("/greet", null);
  }

  restart() {
    sessionStorage.removeItem(SESSION_KEY);
    this.log.replaceChildren();
    this.greeted = false;
    this.socket.emit("session_request", { restart: true });
    this.input.focus();
  }

  sendText() {
    const text = this.input.value.trim();
    if (!text) return;
    if (text.length > MAX_MESSAGE_CHARS) { this.showStatus(TEXT.tooLong, 5000); return; }
    this.input.value = "";
    this.send(text, text);
  }

  send(payload, shownText) {
    if (!this.socket.connected) { this.goOffline(); return; }
    if (shownText) this.addUser(shownText);
    this.typing.hidden = false;
    clearTimeout(this.typingTimer);
    this.typingTimer = setTimeout(() => { this.typing.hidden = true; }, 15000);
    this.socket.emit("user_uttered", { message: payload });
  }

  addUser(text) {
    // dir="auto": Arabic (or any right-to-left text) is laid out right to left, message by message
    this.log.append(el("div", { class: "lotse-msg lotse-user", dir: "auto" }, el("span", { class: "lotse-sr" }, "Sie: "), text));
    this.scroll();
  }

  addBot(message, live) {
    if (live) { this.typing.hidden = true; clearTimeout(this.typingTimer); }
    if (message.text) {
      const text = el("div", { class: "lotse-msg lotse-bot", dir: "auto" }, el("span", { class: "lotse-sr" }, "Lotse: "));
      text.append(...withCallLinks(message.text));
      this.log.append(text);
    }
    const custom = message.custom;
    if (custom && custom.type === "offers" && Array.isArray(custom.offers)) {
      // cards go above the answer buttons of the text that introduced them
      const last = this.log.lastElementChild;
      const before = last && last.classList.contains("lotse-replies") ? last : null;
      for (const offer of custom.offers) this.log.insertBefore(renderOffer(offer), before);
    }
    const replies = message.quick_replies || message.buttons;
    if (Array.isArray(replies) && replies.length) {
      const group = el("div", { class: "lotse-replies", role: "group", "aria-label": "Antwortmöglichkeiten" });
      for (const reply of replies) {
        const button = el("button", { type: "button", dir: "auto" }, reply.title);
        button.addEventListener("click", () => this.send(reply.payload, reply.title));
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
    const phone = config.fallbackPhone ? ` Telefon: ${config.fallbackPhone}` : "";
    this.showStatus(`${TEXT.offline} ${TEXT.offlineContact}.${phone}`);
  }

  showStatus(text, hideAfterMs) {
    this.status.textContent = text;
    this.status.hidden = false;
    clearTimeout(this.statusTimer);
    if (hideAfterMs) this.statusTimer = setTimeout(() => { this.status.hidden = true; }, hideAfterMs);
  }
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", () => { window.lotseWidget = new LotseWidget(); });
else window.lotseWidget = new LotseWidget();
