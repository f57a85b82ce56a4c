// Registers the "Article" tab (from article to graph); the review panel loads only when the tab is first opened.
import type { AppContext } from '../app';

export function registerExtract(ctx: AppContext): void {
  ctx.addTab({
    id: 'extract',
    title: 'Article',
    render(container) {
      container.textContent = 'Chargement…';
      import('./extract/view').then(
        (m) => m.mountExtract(container, ctx),
        (e: unknown) => { container.textContent = `Le panneau n’a pas pu se charger : ${(e as Error).message}`; },
      );
    },
  });
}
