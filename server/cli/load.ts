// npm run load [-- file.json] [--replace]: validates a dataset and loads it, all or nothing.
import path from 'node:path';
import { APP_INSTANCE, ensure } from '../../neo4j/ctl';
import { readConfig } from '../config';
import { connect } from '../db';
import { ValidationError } from '../errors';
import { loadFile } from '../load';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const replace = args.includes('--replace');
  const cfg = readConfig();
  const file = path.resolve(args.find((a) => !a.startsWith('--')) ?? cfg.seedFile);
  const db = connect(cfg.db ?? { uri: (await ensure(APP_INSTANCE)).uri });
  try {
    const c = await loadFile(db, file, { replace });
    console.log(`loaded ${path.relative(process.cwd(), file)}${replace ? ' (replacing the graph)' : ''}: now ${c.actors} actors, ${c.relationships} relationships, ${c.sources} sources`);
    return 0;
  } catch (e) {
    if (e instanceof ValidationError) {
      console.error(`${path.relative(process.cwd(), file)} was not loaded (nothing changed):`);
      for (const i of e.issues) console.error(`  ${i.field}: ${i.message}`);
      return 2;
    }
    throw e;
  } finally {
    await db.close();
  }
}

main().then((code) => process.exit(code)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
