// The console's ready-made questions: cypher/examples/*.cypher, each headed by // Title: and // Description:.
import fs from 'node:fs';
import path from 'node:path';
import type { CypherExample } from '../../model/schema';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'cypher', 'examples');

const HEADER = /^\/\/\s*(Title|Description|Params):\s*(.*)$/i;

/** Parses one example file; the header lines are dropped from the query the user gets. */
export function parseExample(id: string, text: string): CypherExample {
  const fields: Record<string, string> = {};
  const body: string[] = [];
  for (const line of text.split('\n')) {
    const m = HEADER.exec(line.trim());
    if (m && body.every((l) => !l.trim())) fields[m[1].toLowerCase()] = m[2].trim();
    else body.push(line);
  }
  const example: CypherExample = {
    id,
    title: fields.title ?? id,
    description: fields.description ?? '',
    query: body.join('\n').trim(),
  };
  if (fields.params) example.params = JSON.parse(fields.params) as Record<string, unknown>;
  return example;
}

/** Reads every example once (at start-up), sorted by file name; no folder means no examples. */
export function loadExamples(dir = EXAMPLES_DIR): CypherExample[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => parseExample(f.replace(/\.cypher$/, ''), fs.readFileSync(path.join(dir, f), 'utf8')));
}
