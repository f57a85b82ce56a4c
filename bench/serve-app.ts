// The app served in the bench's own process (so its RSS is the server's), without the search rate limit:
// a bench asks hundreds of searches a minute from one address.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from '../server/app';
import { DEFAULT_RATE_CONFIG } from '../server/config';
import type { Db } from '../server/db';
import { GraphDigests } from '../server/graph/digest';
import { HubDetails } from '../server/graph/hub-details';
import type { MetricsService } from '../server/metrics/service';

export interface ServedApp {
  server: Server;
  base: string;
  /** GET a JSON answer; anything but 200 throws with the start of the body. */
  get: (url: string) => Promise<Record<string, unknown>>;
  /** The hubs' details kept per graph version, as server/index.ts keeps them (filled by `hubs.check()`). */
  hubs: HubDetails;
  digests: GraphDigests;
}

export async function serveApp(db: Db, metrics: MetricsService): Promise<ServedApp> {
  const digests = new GraphDigests(db);
  const hubs = new HubDetails(db, digests);
  const app = createApp(db, { metrics, digests, hubs, service: { rate: { ...DEFAULT_RATE_CONFIG, search: 0 } } });
  const server = await new Promise<Server>((resolve) => { const s = app.listen(0, '127.0.0.1', () => resolve(s)); });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (url: string) => {
    const res = await fetch(base + url);
    const body = (await res.json()) as Record<string, unknown>;
    if (res.status !== 200) throw new Error(`${url}: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
    return body;
  };
  return { server, base, get, hubs, digests };
}
