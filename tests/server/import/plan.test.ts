// The plan's spill file: the ties it will write, read back as the same records, with the hashes their lines give.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hashValue } from '../../../server/changes/records';
import { readSpill, Spill } from '../../../server/import/plan';
import type { RelationshipRecord } from '../../../model/schema';

const tie = (i: number, over: Partial<RelationshipRecord> = {}): RelationshipRecord => ({
  id: `FUNDS:acteur-${i}:acteur-${i + 1}`,
  type: 'FUNDS',
  source: `acteur-${i}`,
  target: `acteur-${i + 1}`,
  status: 'effective',
  evidence: [{ source: `document-${i}`, excerpt: `Acteur ${i} finance Acteur ${i + 1}` }],
  ...over,
});

describe('Spill and readSpill', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maillage-spill-test-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives back every record in order with its ordinal and hash, odd values and records as JSON objects included', async () => {
    const records: RelationshipRecord[] = [
      tie(1, { amount: 450_000, amountRaw: '450 000 €', date: '2016-03-12', dateRaw: '12/03/2016' }),
      tie(2, { note: 'Ωμέγα 漢字 😀 \ud800', role: 'pilote', evidence: [{ source: 'd-1', excerpt: 'un\ndeux' }, { source: 'd-2', excerpt: '« trois »\r\n\t' }] }),
      tie(3, { evidence: [{ source: 'd', excerpt: 'é'.repeat(3 << 20) }] }),
      tie(4, { amount: 0.5, claims: [{ amount: 0.5, sources: ['d-1'] }, { amount: 1, sources: ['d-2'] }] }),
      tie(5, { id: 'PARTNERS_WITH:acteur-5:acteur-6:2', type: 'PARTNERS_WITH' }),
    ];
    const spill = new Spill(path.join(dir, 'ties.jsonl'));
    const ordinals = [40, 7, 3, 12, 0];
    records.forEach((r, i) => spill.add(ordinals[i], r));
    // A thread's block of lines: records as JSON objects.
    spill.addLines([99], `${JSON.stringify(tie(6))}\n`);
    await spill.close();

    const back = [];
    for await (const t of readSpill(spill)) back.push(t);
    expect(back.map(([o]) => o)).toEqual([...ordinals, 99]);
    expect(back.map(([, r]) => r)).toEqual([...records, tie(6)]);
    back.forEach(([, r, h], i) => {
      // The lines of ties with claims and the threads' are records, hashed when written.
      if (i === 3 || i === 5) expect(h).toBeUndefined();
      else expect(h).toBe(hashValue('relationship', r));
    });
  });

  it('refuses a file that holds more ties than were written to it', async () => {
    const spill = new Spill(path.join(dir, 'ties.jsonl'));
    spill.add(0, tie(1));
    await spill.close();
    fs.appendFileSync(spill.path, `${JSON.stringify(tie(2))}\n`);
    await expect(async () => {
      for await (const _ of readSpill(spill)) void _;
    }).rejects.toThrow(/holds more than 1 ties/);
  });
});
