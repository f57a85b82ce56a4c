// npm run load [-- file.json] [--replace]: validates a dataset and loads it as one change set, all or nothing.
import path from 'node:path';
import { APP_INSTANCE, ensure } from '../../neo4j/ctl';
import { recoverInterrupted } from '../changes';
import { readConfig } from '../config';
import { connect } from '../db';
import { ValidationError } from '../errors';
import { applySchema, loadFile } from '../load';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const replace = args.includes('--replace');
  const cfg = readConfig();
  const file = path.resolve(args.find((a) => !a.startsWith('--')) ?? cfg.seedFile);
  const db = connect(cfg.db ?? { uri: (await ensure(APP_INSTANCE)).uri });
  const name = path.relative(process.cwd(), file);
  try {
    await applySchema(db);
    for (const r of await recoverInterrupted(db)) console.error(`change set ${r.id} had been interrupted: ${r.to.replace('_', ' ')}`);
    const { changeSet, plan, counts: c } = await loadFile(db, file, { replace });
    const line = (e: keyof typeof plan) => `${e} ${plan[e].created} created, ${plan[e].updated} updated, ${plan[e].unchanged} unchanged${plan[e].deleted ? `, ${plan[e].deleted} deleted` : ''}`;
    console.log(`${name}${replace ? ' (replacing the graph)' : ''}: ${changeSet ? `change set ${changeSet}` : 'nothing changed'}`);
    console.log(`  ${line('actors')}; ${line('relationships')}; ${line('sources')}`);
    console.log(`  now ${c.actors} actors, ${c.relationships} relationships, ${c.sources} sources`);
    return 0;
  } catch (e) {
    if (e instanceof ValidationError) {
      console.error(`${name} was not loaded (nothing changed):`);
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
