// node --test editor/test/ : das Speicherformat ändert nur, was im Formular geändert wurde.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { makeFormat, RAW } from '../src/lotse-yaml.js';

const format = makeFormat(YAML);
const OFFERS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'offers_db', 'offers');
const SAMPLE = `# Kopfkommentar bleibt
organization:
  name: Testträger
offers:
  - id: test-a
    title: Test A
    description: "Beschreibung: mit Doppelpunkt"
    categories: [kinderbetreuung, lernfoerderung]
    min_age: null
    opening_hours:
      mo: "09:00-12:00"
    cost: {free: true}
    languages: [de, no]
    last_reviewed: 2025-10-01
    reviewed_by: Koordination

  - id: test-b
    title: Test B
    description: Zwei
    categories: [kinderbetreuung]
    opening_hours: nach Vereinbarung
`;

function edit(text, change) {
  const data = format.fromFile(text);
  change(data);
  return format.toFile(data);
}

test('unveränderte Bestandsdateien bleiben Byte für Byte gleich', () => {
  for (const name of fs.readdirSync(OFFERS).filter(f => f.endsWith('.yml'))) {
    const text = fs.readFileSync(path.join(OFFERS, name), 'utf8');
    assert.equal(format.toFile(format.fromFile(text)), text, name);
  }
});

test('eine geänderte Öffnungszeit ändert genau eine Zeile', () => {
  const out = edit(SAMPLE, d => { d.offers[0].opening_hours.mo = '10:00-13:00'; });
  assert.equal(out, SAMPLE.replace('mo: "09:00-12:00"', 'mo: "10:00-13:00"'));
});

test('neuer Wochentag wird in Tagesreihenfolge mit Anführungszeichen eingefügt', () => {
  const out = edit(SAMPLE, d => { d.offers[0].opening_hours = { so: '', di: '14:00-16:00', mo: '09:00-12:00' }; });
  assert.equal(out, SAMPLE.replace('mo: "09:00-12:00"\n', 'mo: "09:00-12:00"\n      di: "14:00-16:00"\n'));
});

test('Freitext bleibt Freitext, Wochenplan statt Freitext', () => {
  assert.deepEqual(format.fromFile(SAMPLE).offers[1].opening_hours, { text: 'nach Vereinbarung' });
  const out = edit(SAMPLE, d => { d.offers[1].opening_hours = { text: '', fr: '08:00-10:00' }; });
  assert.equal(out, SAMPLE.replace('opening_hours: nach Vereinbarung', 'opening_hours:\n      fr: "08:00-10:00"'));
});

test('Flow-Listen bleiben Flow-Listen, geleerte Felder verschwinden, null bleibt null', () => {
  const out = edit(SAMPLE, d => {
    d.offers[0].categories = ['kinderbetreuung'];
    d.offers[0].reviewed_by = '';
    d.offers[0].min_age = '';
  });
  assert.equal(out, SAMPLE.replace('[kinderbetreuung, lernfoerderung]', '[kinderbetreuung]').replace('    reviewed_by: Koordination\n', ''));
});

test('neue Felder landen an ihrem Platz, no wird als Text geschrieben', () => {
  const out = edit(SAMPLE, d => {
    d.offers[1].status = 'temporarily_closed';
    d.offers[1].alert = 'Im August geschlossen';
    d.offers[1].languages = ['de', 'no'];
    d.offers[1].source = { read: '2026-11-26', title: 'Seite', url: 'https://example.org' };
    d.offers[1].cost = { description: '5 € pro Termin', free: false };
  });
  assert.match(out, /opening_hours: nach Vereinbarung\n    cost: {free: false, description: 5 € pro Termin}\n    languages: \[de, "no"\]\n    source:\n      url: https:\/\/example.org\n      title: Seite\n      read: 2026-11-26\n    status: temporarily_closed\n    alert: Im August geschlossen\n$/);
  const back = YAML.parse(out);
  assert.equal(back.offers[1].source.read, '2026-11-26');
});

test('neues Angebot mit Leerzeile davor, entferntes Angebot weg', () => {
  const out = edit(SAMPLE, d => {
    d.offers.splice(0, 1);
    d.offers.push({ status: '', audience: undefined, id: 'test-c', title: 'C', description: 'Drei', categories: ['kinderbetreuung'], cost: { free: true }, alert: '' });
  });
  assert.ok(!out.includes('test-a'));
  assert.ok(out.startsWith('# Kopfkommentar bleibt\n'));
  assert.ok(out.endsWith('opening_hours: nach Vereinbarung\n\n  - id: test-c\n    title: C\n    description: Drei\n    categories: [kinderbetreuung]\n    cost: {free: true}\n'), out);
});

test('ohne Originaltext (neue Datei) entsteht eine lesbare Datei', () => {
  const out = format.toFile({ organization: { name: 'Neu' }, offers: [{ status: 'active', id: 'neu-a', title: 'A', description: 'B', categories: ['kinderbetreuung'] }] });
  assert.equal(out, 'organization:\n  name: Neu\noffers:\n  - id: neu-a\n    title: A\n    description: B\n    categories: [kinderbetreuung]\n    status: active\n');
  assert.ok(!(RAW in YAML.parse(out)));
});
