// Unit tests for reading the console's ready-made questions from cypher/examples/*.cypher.
import { loadExamples, parseExample } from '../../../server/cypher/examples';

describe('parseExample', () => {
  it('takes title, description and params from the header and drops them from the query', () => {
    const e = parseExample('x', '// Title: Who funds whom\n// Description: Every FUNDS tie.\n// Params: {"id": "a"}\nMATCH (a {id: $id})\n// keep me\nRETURN a\n');
    expect(e).toEqual({ id: 'x', title: 'Who funds whom', description: 'Every FUNDS tie.', params: { id: 'a' }, query: 'MATCH (a {id: $id})\n// keep me\nRETURN a' });
  });

  it('falls back to the id as title when the header is missing', () => {
    expect(parseExample('y', 'RETURN 1')).toEqual({ id: 'y', title: 'y', description: '', query: 'RETURN 1' });
  });
});

describe('loadExamples', () => {
  it('returns no examples for a missing folder', () => {
    expect(loadExamples('/nonexistent/examples')).toEqual([]);
  });

  it('gives every shipped example a title and a description', () => {
    const missing = loadExamples().filter((e) => e.title === e.id || !e.description).map((e) => e.id);
    expect(missing).toEqual([]);
  });
});
