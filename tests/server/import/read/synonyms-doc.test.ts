// The README's header synonym table is the one the code uses: regenerate it with synonyms-doc.ts when it changes.
import fs from 'node:fs';
import path from 'node:path';
import { synonymsMarkdown } from '../../../../server/import/read/synonyms-doc';

describe('README synonym table', () => {
  it('is what synonymsMarkdown() writes from HEADER_SYNONYMS', () => {
    const readme = fs.readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8');
    const m = /<!-- synonyms:start -->\n([\s\S]*?)\n<!-- synonyms:end -->/.exec(readme);
    expect(m?.[1]).toBe(synonymsMarkdown());
  });
});
