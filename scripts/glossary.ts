// Lists the product names the glossary (content/glossary/terms.yaml) does not fully cover, with the
// unknown words, so the OCOP office knows what to add. Exits 1 when a product has no English name.
import { parseArgs } from 'node:util';
import { productNameCoverage } from './lib/glossary-coverage.ts';

const { values } = parseArgs({ options: { content: { type: 'string', default: 'content' }, all: { type: 'boolean', default: false } } });

const coverage = productNameCoverage(values.content!);
const uncovered = coverage.filter((c) => c.unknown.length > 0);
const nameless = coverage.filter((c) => !c.english);

if (values.all) for (const c of coverage) console.log(`${c.name}  →  ${c.english ? `${c.english.name}${c.english.derived ? '' : ' (nameEn)'}` : '(none)'}`);
for (const c of uncovered) {
  console.log(`${c.file}: "${c.name}": not in the glossary: ${c.unknown.map((w) => `"${w}"`).join(', ')}${c.english ? ' (has nameEn)' : ''}`);
}
console.log(`${coverage.length - nameless.length} of ${coverage.length} products have an English name (${coverage.filter((c) => c.english && !c.english.derived).length} written as nameEn, the rest derived); ${uncovered.length} names not fully covered by the glossary.`);
if (nameless.length) process.exitCode = 1;
