// Graceful stop of the HTTP server: refuse new connections, let in-flight requests finish, cut what is left.
import type { Server } from 'node:http';

/**
 * Stops accepting connections, closes idle keep-alive connections as they become idle, and resolves once
 * every in-flight request has been answered ('drained'), or after `graceMs` with the rest cut ('cut').
 */
export function drain(server: Server, graceMs: number): Promise<'drained' | 'cut'> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (how: 'drained' | 'cut') => {
      if (settled) return;
      settled = true;
      clearInterval(idle);
      clearTimeout(grace);
      resolve(how);
    };
    server.close(() => finish('drained'));
    // A keep-alive connection whose request has just been answered is idle: close it so close() can complete.
    server.closeIdleConnections();
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    const grace = setTimeout(() => {
      server.closeAllConnections();
      finish('cut');
    }, graceMs);
  });
}
