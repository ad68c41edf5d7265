// Speicherformat "lotse-yml" für Decap CMS: liest und schreibt offers_db/offers/*.yml so,
// dass eine Änderung im Formular nur die geänderten Zeilen der Datei ändert.
//
// Decaps eingebautes yml-Format baut die ganze Datei neu (Kommentare weg, [a, b] wird zu
// Blocklisten, andere Anführungszeichen). Dieses Format merkt sich den Originaltext beim
// Laden (verstecktes Feld RAW) und überträgt beim Speichern nur die geänderten Werte in das
// Original-Dokument (yaml v2 Document-API): Kommentare, Leerzeilen, Reihenfolge, Flow-Listen
// und Anführungszeichen der unveränderten Zeilen bleiben, wie sie sind.
//
// Formular-Form ↔ Datei-Form:
//   opening_hours: "Freitext"             ↔ {text: "Freitext"}
//   opening_hours: {mo: "09:00-12:00"}   ↔ {mo: "09:00-12:00"}
//   organization: "Name" (im Angebot)     ↔ {name: "Name"}

export const RAW = '__lotse_raw';
export const DAYS = ['mo', 'di', 'mi', 'do', 'fr', 'sa', 'so'];

// Reihenfolge der Felder wie in offers_db/README.md, je Elternfeld: neue Felder werden dort eingefügt.
const OFFER_KEYS = [
  'id', 'title', 'description', 'categories', 'organization', 'min_age', 'max_age', 'audience', 'delivery',
  'location', 'contact', 'opening_hours', 'cost', 'languages', 'how_to_apply', 'eligibility',
  'keywords', 'source', 'last_reviewed', 'reviewed_by', 'valid_from', 'valid_until', 'status', 'alert',
];
const KEY_ORDER = {
  '': ['organization', 'offers'],
  offers: OFFER_KEYS,
  organization: ['name', 'website'],
  location: ['street', 'postal_code', 'city', 'district', 'lat', 'lon'],
  contact: ['phone', 'email', 'website'],
  cost: ['free', 'description'],
  source: ['url', 'title', 'read'],
  opening_hours: [...DAYS, 'text'],
};
const FLOW_MAPS = new Set(['cost']); // im Bestand als {free: true} geschrieben
const TO_STRING = { lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false, indentSeq: true };
// Werte, die ein YAML-1.1-Leser (PyYAML) nicht als Text lesen würde, Zeiten und Ziffernfolgen:
const QUOTE = /^(?:y|n|yes|no|on|off|true|false|null|~|[-+]?[\d][\d:.,\- ]*)$/i;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isEmpty(value) {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

function isPlainObject(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date);
}

// ---- Datei → Formular ------------------------------------------------------------------------

function offerToForm(offer) {
  if (!isPlainObject(offer)) return offer;
  const form = { ...offer };
  if (typeof form.opening_hours === 'string') form.opening_hours = { text: form.opening_hours };
  if (typeof form.organization === 'string') form.organization = { name: form.organization };
  return form;
}

export function toForm(data) {
  const form = isPlainObject(data) ? { ...data } : {};
  if (typeof form.organization === 'string') form.organization = { name: form.organization };
  if (Array.isArray(form.offers)) form.offers = form.offers.map(offerToForm);
  return form;
}

// ---- Formular → Datei ------------------------------------------------------------------------

function hoursToFile(hours) {
  if (!isPlainObject(hours)) return hours;
  const week = {};
  for (const day of DAYS) {
    if (!isEmpty(hours[day])) week[day] = String(hours[day]).trim();
  }
  const text = isEmpty(hours.text) ? null : String(hours.text).trim();
  if (Object.keys(week).length === 0) return text;
  if (text) week.text = text; // beides ausgefüllt: bleibt sichtbar, `offers validate` meldet es
  return week;
}

function offerToFile(offer) {
  if (!isPlainObject(offer)) return offer;
  const file = { ...offer };
  if ('opening_hours' in file) file.opening_hours = hoursToFile(file.opening_hours);
  return file;
}

function datesToText(value) {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(datesToText);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, datesToText(v)]));
  return value;
}

export function toFileShape(form) {
  const data = datesToText({ ...form });
  delete data[RAW];
  if (Array.isArray(data.offers)) data.offers = data.offers.map(offerToFile);
  return data;
}

// ---- das Original-Dokument nachführen ---------------------------------------------------------

function scalarEquals(node, value) {
  if (node.value === value) return true;
  if (typeof node.value === 'number' && typeof value === 'string' && value.trim() !== '') {
    return node.value === Number(value);
  }
  return false;
}

function newScalar(doc, value, key) {
  if (typeof value === 'string' && DAYS.includes(key)) value = value.trim();
  const node = doc.createNode(value);
  const quote = typeof value === 'string' && !ISO_DATE.test(value) && (QUOTE.test(value.trim()) || DAYS.includes(key));
  if (quote) node.type = 'QUOTE_DOUBLE'; // Datumsangaben bleiben ohne Anführungszeichen (wie im Bestand)
  return node;
}

function newNode(doc, YAML, value, key) {
  if (Array.isArray(value)) {
    const allScalars = value.every(item => !isPlainObject(item) && !Array.isArray(item));
    const seq = new YAML.YAMLSeq(doc.schema);
    seq.flow = allScalars;
    value.forEach((item, index) => {
      const child = newNode(doc, YAML, item, key);
      if (index > 0 && isPlainObject(item) && key === 'offers') child.spaceBefore = true;
      seq.items.push(child);
    });
    return seq;
  }
  if (isPlainObject(value)) {
    const map = new YAML.YAMLMap(doc.schema);
    map.flow = FLOW_MAPS.has(key);
    const entries = Object.entries(value).sort(([a], [b]) => orderIndex(key, a) - orderIndex(key, b));
    for (const [k, v] of entries) {
      if (isEmpty(v) || k === RAW) continue;
      map.items.push(doc.createPair(k, null));
      map.items[map.items.length - 1].value = newNode(doc, YAML, v, k);
    }
    return map;
  }
  return newScalar(doc, value, key);
}

function orderIndex(parent, key) {
  const order = KEY_ORDER[parent] ?? [];
  const index = order.indexOf(key);
  return index === -1 ? order.length : index;
}

function insertPair(map, pair, parent) {
  const rank = orderIndex(parent, keyOf(pair));
  const at = map.items.findIndex(item => orderIndex(parent, keyOf(item)) > rank);
  if (at === -1) map.items.push(pair);
  else map.items.splice(at, 0, pair);
}

function keyOf(pair) {
  return YAMLkey(pair.key);
}

function YAMLkey(key) {
  return key && typeof key === 'object' && 'value' in key ? String(key.value) : String(key);
}

// Gibt den (evtl. neuen) Knoten für `value` zurück; `node` ist der bisherige Knoten oder null.
function patch(doc, YAML, node, value, key) {
  if (node && YAML.isScalar(node) && isPlainObject(value)) {
    // organization: "Name" bleibt ein Name, solange nur der Name gesetzt ist
    const filled = Object.entries(value).filter(([, v]) => !isEmpty(v));
    if (filled.length === 1 && filled[0][0] === 'name') value = filled[0][1];
  }
  if (node && YAML.isScalar(node) && !isPlainObject(value) && !Array.isArray(value)) {
    if (scalarEquals(node, value)) return node;
    if (typeof value === 'string' && typeof node.value === 'string') {
      node.value = DAYS.includes(key) ? value.trim() : value; // Stil (Anführungszeichen) behalten
      return node;
    }
    const fresh = newScalar(doc, value, key);
    fresh.comment = node.comment;
    fresh.commentBefore = node.commentBefore;
    fresh.spaceBefore = node.spaceBefore;
    return fresh;
  }
  if (node && YAML.isMap(node) && isPlainObject(value)) {
    patchMap(doc, YAML, node, value, key);
    return node;
  }
  if (node && YAML.isSeq(node) && Array.isArray(value)) {
    patchSeq(doc, YAML, node, value, key);
    return node;
  }
  const fresh = newNode(doc, YAML, value, key);
  if (node) {
    fresh.commentBefore = node.commentBefore;
    fresh.spaceBefore = node.spaceBefore;
  }
  return fresh;
}

function patchMap(doc, YAML, map, value, parent = '') {
  for (const [key, newValue] of Object.entries(value)) {
    if (key === RAW || newValue === undefined) continue;
    const index = map.items.findIndex(pair => keyOf(pair) === key);
    const pair = index === -1 ? null : map.items[index];
    if (isEmpty(newValue)) {
      if (!pair) continue; // leeres Feld, das es in der Datei nicht gab: nichts schreiben
      const old = pair.value;
      if (old === null || (YAML.isScalar(old) && old.value === null)) continue; // min_age: null bleibt
      if (YAML.isCollection(old) && isEmpty(old.toJSON())) continue;
      map.items.splice(index, 1); // geleert: Zeile fällt weg
      continue;
    }
    if (pair) {
      pair.value = patch(doc, YAML, YAML.isNode(pair.value) ? pair.value : null, newValue, key);
    } else {
      const fresh = doc.createPair(key, null);
      fresh.value = newNode(doc, YAML, newValue, key);
      insertPair(map, fresh, parent);
    }
  }
  // Schlüssel, die das Formular nicht kennt, bleiben unverändert stehen (nichts geht verloren).
}

function patchSeq(doc, YAML, seq, values, key) {
  const old = seq.items;
  const oldById = new Map();
  old.forEach(item => {
    if (YAML.isMap(item) && item.has('id')) oldById.set(String(item.get('id')), item);
  });
  const used = new Set();
  const items = values.map((value, index) => {
    let node = null;
    if (isPlainObject(value) && value.id !== undefined && oldById.has(String(value.id))) {
      node = oldById.get(String(value.id));
    } else if (!(isPlainObject(value) && value.id !== undefined) && index < old.length && !used.has(old[index])) {
      node = old[index];
    }
    if (node && used.has(node)) node = null;
    if (node) used.add(node);
    const patched = patch(doc, YAML, node, value, key);
    if (!node && index > 0 && isPlainObject(value) && key === 'offers') patched.spaceBefore = true;
    return patched;
  });
  // Kommentar am Anfang der Liste bleibt am Anfang
  if (old.length && items.length && old[0] !== items[0] && old[0].commentBefore && !items[0].commentBefore) {
    items[0].commentBefore = old[0].commentBefore;
    old[0].commentBefore = undefined;
  }
  seq.items = items;
}

export function makeFormat(YAML) {
  return {
    fromFile(content) {
      const doc = YAML.parseDocument(content ?? '');
      if (doc.errors.length > 0) {
        throw new Error(`YAML-Fehler:\n${doc.errors.map(e => e.message).join('\n')}`);
      }
      const form = toForm(doc.toJS());
      form[RAW] = content ?? '';
      return form;
    },
    toFile(data) {
      const plain = typeof data?.toJS === 'function' ? data.toJS() : data;
      const raw = plain?.[RAW];
      const value = toFileShape(plain ?? {});
      const doc = raw ? YAML.parseDocument(raw) : new YAML.Document({});
      if (!YAML.isMap(doc.contents)) doc.contents = new YAML.YAMLMap(doc.schema);
      patchMap(doc, YAML, doc.contents, value);
      return doc.toString(TO_STRING);
    },
  };
}
