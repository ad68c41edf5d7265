// Baut editor/dist/: Decap-CMS-Bundle (aus node_modules, kein CDN), yaml (Browser-Build),
// index.html, unser Speicherformat und config.yml mit den Kategorien aus offers_db/categories.yml.
// Aufruf: cd editor && npm ci && npm run build
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const DIST = path.join(HERE, 'dist');
const DECAP = path.join(HERE, 'node_modules', 'decap-cms', 'dist');
const YAML_BROWSER = path.join(HERE, 'node_modules', 'yaml', 'browser');

// Deutsche Namen der Sprachen; Codes, die in den Angebotsdateien vorkommen, kommen immer dazu.
const LANGUAGES = {
  de: 'Deutsch', en: 'Englisch', ar: 'Arabisch', tr: 'Türkisch', uk: 'Ukrainisch', ru: 'Russisch',
  pl: 'Polnisch', ro: 'Rumänisch', bg: 'Bulgarisch', fa: 'Persisch (Farsi/Dari)', ku: 'Kurdisch',
  ps: 'Paschtu', ti: 'Tigrinya', so: 'Somali', sq: 'Albanisch', sr: 'Serbisch', hr: 'Kroatisch',
  bs: 'Bosnisch', el: 'Griechisch', it: 'Italienisch', es: 'Spanisch', pt: 'Portugiesisch',
  fr: 'Französisch', nl: 'Niederländisch', vi: 'Vietnamesisch', zh: 'Chinesisch', hi: 'Hindi',
  ur: 'Urdu', ta: 'Tamil', am: 'Amharisch', ka: 'Georgisch', hy: 'Armenisch', hu: 'Ungarisch',
  cs: 'Tschechisch', sk: 'Slowakisch', lt: 'Litauisch', lv: 'Lettisch',
};

function categoryOptions() {
  const categories = YAML.parse(fs.readFileSync(path.join(ROOT, 'offers_db', 'categories.yml'), 'utf8'));
  return Object.entries(categories).map(([value, { label }]) => ({ value, label }));
}

function languageOptions() {
  const used = new Set();
  const offersDir = path.join(ROOT, 'offers_db', 'offers');
  for (const name of fs.existsSync(offersDir) ? fs.readdirSync(offersDir) : []) {
    if (!name.endsWith('.yml')) continue;
    const data = YAML.parse(fs.readFileSync(path.join(offersDir, name), 'utf8')) ?? {};
    for (const offer of data.offers ?? []) for (const code of offer?.languages ?? []) used.add(String(code));
  }
  const names = Object.fromEntries(Object.entries(LANGUAGES).filter(([, label]) => label));
  for (const code of used) if (!names[code]) names[code] = code;
  const [first, ...rest] = Object.keys(names);
  rest.sort((a, b) => names[a].localeCompare(names[b], 'de'));
  return [first, ...rest].map(code => ({ value: code, label: `${names[code]} (${code})` }));
}

function setOptions(doc, fieldPath, options) {
  const field = doc.getIn(fieldPath);
  if (!YAML.isMap(field)) throw new Error(`Feld ${fieldPath.join('.')} fehlt in src/config.base.yml`);
  field.set('options', doc.createNode(options));
}

function fieldIndex(doc, listPath, name) {
  const items = doc.getIn(listPath).items;
  const index = items.findIndex(item => item.get('name') === name);
  if (index === -1) throw new Error(`Feld ${name} fehlt in src/config.base.yml`);
  return index;
}

// --backend DATEI: backend (und publish_mode) aus DATEI statt des lokalen decap-server (Produktion)
function backendOverride() {
  const at = process.argv.indexOf('--backend');
  if (at === -1) return null;
  const file = process.argv[at + 1];
  if (!file) throw new Error('--backend braucht eine Datei, z. B. src/backend.gitlab.example.yml');
  const override = YAML.parse(fs.readFileSync(path.resolve(file), 'utf8'));
  if (!override?.backend?.name) throw new Error(`${file}: backend.name fehlt`);
  return override;
}

function buildConfig() {
  const doc = YAML.parseDocument(fs.readFileSync(path.join(HERE, 'src', 'config.base.yml'), 'utf8'));
  const override = backendOverride();
  if (override) {
    doc.set('backend', doc.createNode(override.backend));
    doc.set('publish_mode', override.publish_mode ?? 'simple');
  }
  const top = ['collections', 0, 'fields'];
  const offerFields = [...top, fieldIndex(doc, top, 'offers'), 'fields'];
  const categories = categoryOptions();
  setOptions(doc, [...offerFields, fieldIndex(doc, offerFields, 'categories')], categories);
  setOptions(doc, [...offerFields, fieldIndex(doc, offerFields, 'languages')], languageOptions());
  return { text: `# Erzeugt von editor/build.mjs – nicht von Hand ändern.\n${doc.toString({ lineWidth: 0 })}`, categories };
}

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.cpSync(from, to, { recursive: true });
}

fs.rmSync(DIST, { recursive: true, force: true });
fs.mkdirSync(DIST, { recursive: true });
let bundled = 0;
for (const name of fs.readdirSync(DECAP)) {
  // decap-cms.js + nachgeladene Teile (N.decap-cms.js, *.wasm) + Lizenzen; cms.js ist eine Kopie
  if (/^(\d+\.)?decap-cms\.js$/.test(name) || name.endsWith('.wasm') || name === 'decap-cms.js.LICENSE.txt') {
    copy(path.join(DECAP, name), path.join(DIST, name));
    bundled += 1;
  }
}
copy(YAML_BROWSER, path.join(DIST, 'vendor', 'yaml'));
copy(path.join(HERE, 'node_modules', 'yaml', 'LICENSE'), path.join(DIST, 'vendor', 'yaml', 'LICENSE'));
for (const name of ['index.html', 'main.js', 'lotse-yaml.js']) copy(path.join(HERE, 'src', name), path.join(DIST, name));
const { text, categories } = buildConfig();
fs.writeFileSync(path.join(DIST, 'config.yml'), text);
const version = JSON.parse(fs.readFileSync(path.join(HERE, 'node_modules', 'decap-cms', 'package.json'), 'utf8')).version;
console.log(`editor/dist: Decap CMS ${version} (${bundled} Dateien), ${categories.length} Kategorien`);
