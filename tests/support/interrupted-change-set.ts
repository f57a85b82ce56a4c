// Run as a child process by tests: begins a change set, writes some batches, says so, then waits to be killed.
import { begin } from '../../server/changes';
import { connect } from '../../server/db';

async function main(): Promise<void> {
  const db = connect({ uri: process.env.TEST_NEO4J_URI! });
  const prefix = process.argv[2] ?? 'killed';
  const h = await begin(db, { kind: 'import', author: 'local', total: 300 });
  const actors = Array.from({ length: 100 }, (_, i) => ({ id: `${prefix}-${i}`, name: `Killed ${i}`, aliases: [], kind: 'company' as const }));
  await h.write({ actors: { create: actors } });
  await h.write({ actors: { update: [{ after: { id: 'kept', name: 'Kept, renamed by the killed import', aliases: [], kind: 'company' } }] } });
  await h.write({
    relationships: {
      create: actors.slice(1).map((a) => ({ id: `FUNDS:kept:${a.id}`, type: 'FUNDS' as const, source: 'kept', target: a.id, status: 'effective' as const, evidence: [{ source: 'fixture', excerpt: 'x' }] })),
    },
  });
  process.stdout.write(`written ${h.id}\n`);
  setInterval(() => undefined, 1000);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
