// Change-set ids: what `_cs` stamps on every element written, listed newest first by sorting the ids as text.
import { newChangeSetId } from '../../../server/changes';
import { ImportIdParams } from '../../../model/schema';

describe('newChangeSetId', () => {
  it('is cs- and 11 base-36 characters: short enough for two of Neo4j\'s property blocks', () => {
    const id = newChangeSetId();
    expect(id).toMatch(/^cs-[0-9a-z]{11}$/);
  });

  it('sorts later ids after earlier ones, even within one millisecond', () => {
    const ids = Array.from({ length: 2000 }, () => newChangeSetId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('sorts after every id of the form written before after 8', () => {
    const old = ['cs-20261127T110911057Z-e63760', 'cs-20591231T235959999Z-ffffff'];
    const id = newChangeSetId();
    for (const o of old) expect(id > o).toBe(true);
  });

  it('is an import id the API accepts, as the older form is', () => {
    expect(ImportIdParams.safeParse({ id: newChangeSetId() }).success).toBe(true);
    expect(ImportIdParams.safeParse({ id: 'cs-20261127T110911057Z-e63760' }).success).toBe(true);
    expect(ImportIdParams.safeParse({ id: 'cs-mx0acern' }).success).toBe(false);
  });
});
