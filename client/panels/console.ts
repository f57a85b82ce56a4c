// Registers the "Console Cypher" tab; the console and CodeMirror load only when the tab is first opened.
import type { AppContext } from '../app';

export function registerConsole(ctx: AppContext): void {
  ctx.addTab({
    id: 'console',
    title: 'Console Cypher',
    render(container) {
      container.textContent = 'Chargement de la console…';
      import('./console/view').then(
        (m) => m.mountConsole(container, ctx),
        (e: unknown) => { container.textContent = `La console n'a pas pu se charger : ${(e as Error).message}`; },
      );
    },
  });
}
