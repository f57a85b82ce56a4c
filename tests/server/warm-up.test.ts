import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';
import { PageActivity } from '../../server/warm-up';

/** A request for `path` under /api/graph, answered when the returned function is called. */
function request(pages: PageActivity, path: string): () => void {
  const res = new EventEmitter();
  pages.watch({ path } as Request, res as unknown as Response, () => undefined);
  return () => res.emit('finish');
}

describe('PageActivity', () => {
  it('is busy while a page asks for its network, then for the grace of what it was answered', () => {
    // Graces of 0 and an hour: what is checked is which grace applies, not how time passes.
    const pages = new PageActivity(0, 3_600_000);
    expect(pages.busy).toBe(false);
    const overview = request(pages, '/overview');
    expect(pages.busy).toBe(true);
    overview();
    expect(pages.busy).toBe(false);
    // A page of the whole network is laid out and drawn for seconds after it is answered.
    const whole = request(pages, '/elements');
    whole();
    expect(pages.busy).toBe(true);
    // A later, shorter grace does not cut it short.
    const stats = request(pages, '/stats');
    stats();
    expect(pages.busy).toBe(true);
    expect(pages.seen).toBe(true);
  });

  it('has no grace at all when built with none', () => {
    const pages = new PageActivity(0);
    request(pages, '/elements')();
    expect(pages.busy).toBe(false);
  });
});
