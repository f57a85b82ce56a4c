// Reads and validates the environment once at start-up; everything else receives a typed Config.
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  NEO4J_URI: z.string().regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j:// or bolt:// URI').optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  MAILLAGE_SEED: z.string().default('seeds/ecosystem.json'),
  MAILLAGE_AUTOLOAD: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

export interface DbConfig {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}

export interface Config {
  port: number;
  host: string;
  /** Undefined when the app should start and use the local embedded Neo4j. */
  db?: DbConfig;
  seedFile: string;
  autoload: boolean;
}

/** Parses the environment; throws with every bad variable named. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`invalid configuration:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    db: e.NEO4J_URI
      ? { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : undefined,
    seedFile: e.MAILLAGE_SEED,
    autoload: e.MAILLAGE_AUTOLOAD,
  };
}
