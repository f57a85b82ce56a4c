// The view on screen as an SVG document, written by hand from Cytoscape's rendered geometry.
// Our own serializer rather than cytoscape-svg, which is GPL-3.0 and cannot ship in an MIT client.
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

// Outlines of the node shapes used in style.ts, as points on a unit square centred on 0 (x, y in -0.5..0.5).
const POLYGONS: Record<string, [number, number][]> = {
  hexagon: [[-0.25, -0.5], [0.25, -0.5], [0.5, 0], [0.25, 0.5], [-0.25, 0.5], [-0.5, 0]],
  diamond: [[0, -0.5], [0.5, 0], [0, 0.5], [-0.5, 0]],
  'round-triangle': [[0, -0.5], [0.5, 0.5], [-0.5, 0.5]],
  'round-pentagon': [[0, -0.5], [0.5, -0.12], [0.32, 0.5], [-0.32, 0.5], [-0.5, -0.12]],
  'round-tag': [[-0.5, -0.5], [0.2, -0.5], [0.5, 0], [0.2, 0.5], [-0.5, 0.5]],
  star: [[0, -0.5], [0.11, -0.15], [0.48, -0.15], [0.18, 0.07], [0.29, 0.41], [0, 0.2], [-0.29, 0.41], [-0.18, 0.07], [-0.48, -0.15], [-0.11, -0.15]],
  octagon: [[-0.2, -0.5], [0.2, -0.5], [0.5, -0.2], [0.5, 0.2], [0.2, 0.5], [-0.2, 0.5], [-0.5, 0.2], [-0.5, -0.2]],
  vee: [[-0.5, -0.5], [0, -0.1], [0.5, -0.5], [0, 0.5]],
  rhomboid: [[-0.25, -0.5], [0.5, -0.5], [0.25, 0.5], [-0.5, 0.5]],
};

/** Escapes text for XML content and attribute values. */
export function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const num = (n: number) => (Math.round(n * 10) / 10).toString();
const opacityOf = (el: NodeSingular | EdgeSingular) => Number(el.style('opacity')) || 1;

function nodeShape(n: NodeSingular): string {
  const { x, y } = n.renderedPosition();
  const w = n.renderedWidth();
  const hgt = n.renderedHeight();
  const shape = n.style('shape') as string;
  const fill = n.style('background-color') as string;
  const stroke = n.style('border-color') as string;
  const sw = num(Number.parseFloat(n.style('border-width') as string) * n.cy().zoom());
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="${sw}" opacity="${opacityOf(n)}"`;
  if (shape === 'ellipse') return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(w / 2)}" ry="${num(hgt / 2)}" ${paint}/>`;
  const pts = POLYGONS[shape];
  if (!pts) return `<rect x="${num(x - w / 2)}" y="${num(y - hgt / 2)}" width="${num(w)}" height="${num(hgt)}" rx="${num(w / 8)}" ${paint}/>`;
  return `<polygon points="${pts.map(([px, py]) => `${num(x + px * w)},${num(y + py * hgt)}`).join(' ')}" ${paint}/>`;
}

function edgeLine(e: EdgeSingular, markers: Map<string, string>): string {
  const s = e.renderedSourceEndpoint();
  const t = e.renderedTargetEndpoint();
  const color = e.style('line-color') as string;
  const width = Number.parseFloat(e.style('width') as string) * e.cy().zoom();
  const style = e.style('line-style') as string;
  const dash = style === 'dashed' ? ` stroke-dasharray="${num(6 * e.cy().zoom())} ${num(4 * e.cy().zoom())}"` : style === 'dotted' ? ` stroke-dasharray="1 ${num(3 * e.cy().zoom())}"` : '';
  let marker = '';
  if ((e.style('target-arrow-shape') as string) !== 'none') {
    const id = `arrow-${markers.size}`;
    if (![...markers.values()].includes(color)) markers.set(id, color);
    const found = [...markers.entries()].find(([, c]) => c === color)?.[0] ?? id;
    marker = ` marker-end="url(#${found})"`;
  }
  return `<line x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(t.x)}" y2="${num(t.y)}" stroke="${color}" stroke-width="${num(Math.max(0.5, width))}" stroke-linecap="round" opacity="${opacityOf(e)}"${dash}${marker}/>`;
}

function nodeLabel(n: NodeSingular): string {
  if ((n.style('label') as string) === '' || Number(n.style('text-opacity')) === 0) return '';
  const { x, y } = n.renderedPosition();
  const size = Number.parseFloat(n.style('font-size') as string) * n.cy().zoom();
  if (size < 4) return ''; // as on screen: labels too small to read are not drawn
  const lines = String(n.data('name')).split(/(?<=^.{0,22})\s+/).slice(0, 3);
  const top = y + n.renderedHeight() / 2 + size;
  const tspans = lines.map((l, i) => `<tspan x="${num(x)}" y="${num(top + i * size * 1.15)}">${xml(l)}</tspan>`).join('');
  return `<text text-anchor="middle" font-size="${num(size)}" opacity="${Number(n.style('text-opacity')) || 1}">${tspans}</text>`;
}

/** What is on screen now (viewport, filters, highlights), as a standalone SVG document. */
export function viewToSvg(cy: Core): string {
  const width = cy.width();
  const height = cy.height();
  const markers = new Map<string, string>();
  const edges = cy.edges(':visible').map((e) => edgeLine(e, markers)).join('\n');
  const nodes = cy.nodes(':visible').map(nodeShape).join('\n');
  const labels = cy.nodes(':visible').map(nodeLabel).filter(Boolean).join('\n');
  const defs = [...markers.entries()]
    .map(([id, c]) => `<marker id="${id}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${c}"/></marker>`)
    .join('');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Inter, Segoe UI, system-ui, sans-serif">`,
    `<defs>${defs}</defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g class="edges">${edges}</g>`,
    `<g class="nodes">${nodes}</g>`,
    `<g class="labels" fill="#1f2430" stroke="#ffffff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">${labels}</g>`,
    `</svg>`,
  ].join('\n');
}
