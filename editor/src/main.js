// Registriert das Speicherformat "lotse-yml" (kleine Diffs, Kommentare bleiben) und startet Decap.
import YAML from './vendor/yaml/index.js';
import { makeFormat } from './lotse-yaml.js';

window.CMS.registerCustomFormat('lotse-yml', 'yml', makeFormat(YAML));
window.CMS.init();
