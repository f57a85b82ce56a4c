// Hover tooltip on actors and relationships: who or what it is, without a click.
import type { GraphEdge } from '../../model/schema';
import { ACTOR_KIND_LABELS, type ActorKind } from '../../model/vocabulary';
import type { AppContext } from '../app';
import { formatAmount, formatDate } from '../graph/format';
import { isLargeView, setClass, TYPE_STYLE } from '../graph/style';

export function registerTooltip(ctx: AppContext, tip: HTMLElement): void {
  const show = (text: string, x: number, y: number) => {
    tip.textContent = text;
    tip.style.transform = `translate(${x + 14}px, ${y + 14}px)`;
    tip.hidden = false;
  };
  ctx.cy.on('mouseover', 'node', (e) => {
    // A large view is not restyled under the pointer: one restyled actor redraws every element (seconds at
    // 60,000 on a busy machine), and a click's details waited behind that frame. The tooltip names it.
    if (!isLargeView(ctx.cy)) e.target.addClass('hover');
    const d = e.target.data() as { name: string; kind: ActorKind };
    show(`${d.name} — ${ACTOR_KIND_LABELS[d.kind]}`, e.renderedPosition.x, e.renderedPosition.y);
  });
  ctx.cy.on('mouseover', 'edge', (e) => {
    const d = e.target.data() as GraphEdge;
    const name = (id: string) => ctx.cy.getElementById(id).data('name') as string;
    const extra = [d.type === 'FUNDS' ? formatAmount(d.amount) : '', formatDate(d.date)].filter(Boolean).join(' · ');
    show(`${name(d.source)} ${TYPE_STYLE[d.type].label.toLowerCase()} ${name(d.target)}${extra ? ` (${extra})` : ''}`, e.renderedPosition.x, e.renderedPosition.y);
  });
  ctx.cy.on('mouseout', 'node, edge', (e) => {
    setClass(e.target, 'hover', false);
    tip.hidden = true;
  });
  ctx.cy.on('pan zoom', () => { tip.hidden = true; });
}
