// The network's look: a colour-blind-safe colour and a shape per actor kind, a line style per relationship type.
import type { Core, StylesheetJson } from 'cytoscape';
import type { ActorKind, RelStatus, RelType } from '../../model/schema';

// Okabe–Ito and Paul Tol's palettes: distinguishable with the common colour-vision deficiencies.
// Shape carries the kind as well, so colour is never the only cue.
export const KIND_STYLE: Record<ActorKind, { color: string; shape: string }> = {
  public_body: { color: '#0072B2', shape: 'round-rectangle' },
  local_authority: { color: '#56B4E9', shape: 'hexagon' },
  company: { color: '#E69F00', shape: 'ellipse' },
  investor: { color: '#D55E00', shape: 'diamond' },
  association: { color: '#009E73', shape: 'round-triangle' },
  cluster: { color: '#117733', shape: 'round-pentagon' },
  university: { color: '#CC79A7', shape: 'round-tag' },
  accelerator: { color: '#882255', shape: 'star' },
  label: { color: '#F0E442', shape: 'octagon' },
  programme: { color: '#AA4499', shape: 'round-rectangle' },
  event: { color: '#DDCC77', shape: 'vee' },
  site: { color: '#999999', shape: 'rhomboid' },
  person: { color: '#44AA99', shape: 'ellipse' },
};

export const TYPE_STYLE: Record<RelType, { color: string; label: string; arrow: boolean }> = {
  FUNDS: { color: '#C0392B', label: 'Finance', arrow: true },
  PILOTS: { color: '#2C3E8F', label: 'Pilote', arrow: true },
  PARTNERS_WITH: { color: '#7F8C8D', label: 'Partenaire de', arrow: false },
  LABELS: { color: '#B7950B', label: 'Labellise', arrow: true },
};

export const STATUS_LABEL: Record<RelStatus, string> = {
  effective: 'effectif',
  planned: 'prévu',
  pending: 'en attente',
  interest: 'intérêt déclaré',
  declined: 'refusé',
  ended: 'terminé',
};

/** Width of a FUNDS edge: log scale of the amount, so 50 k€ and 200 M€ both stay readable. */
export function fundsWidth(amount: number | undefined): number {
  if (!amount) return 2;
  return Math.min(14, 2 + Math.max(0, Math.log10(amount) - 3) * 2.2);
}

// Zoomed out to the whole network, a fixed font shrinks below reading size. Labels are sized for the
// current zoom (quantised, so the style is recomputed only when it changes by a quarter octave):
// hubs keep about 12 px on screen, leaves keep their own size and fade out under min-zoomed-font-size.
let labelZoom = 1;

/** Records the zoom labels are sized for; true when the style must be recomputed. */
export function setLabelZoom(zoom: number): boolean {
  const q = Math.min(1, 2 ** (Math.round(Math.log2(zoom) * 4) / 4));
  if (q === labelZoom) return false;
  labelZoom = q;
  return true;
}

/** Font size (model units) of a node's label, from its drawn size. */
export function labelFont(size: number): number {
  const clamped = Math.min(70, Math.max(20, size));
  const base = 12 + ((clamped - 20) / 50) * 10;
  const hubness = Math.min(1, Math.max(0, (clamped - 26) / 12)); // 0 for a leaf, 1 from about 9 ties
  return Math.max(base, (hubness * 12) / labelZoom);
}

/** How a name is written under its actor (in a large view, only on the actors that keep their name). */
const LABEL_LOOK = {
  'font-family': 'Inter, "Segoe UI", system-ui, sans-serif',
  'font-weight': 500,
  color: '#1f2430',
  'text-valign': 'bottom',
  'text-margin-y': 4,
  'text-wrap': 'wrap',
  'text-max-width': '120px',
  'text-outline-color': '#ffffff',
  'text-outline-width': 2.5,
} as const;

/**
 * The stylesheet; `large`: the cheap look of large views (see largeViewRules). Cytoscape applies every matching
 * rule's properties to every element, so a large view's base rules carry only what its thousands of unnamed
 * actors and plain ties draw: styling a 2k/5k view took a third of its main-thread time. `inertTies`: ties take
 * no pointer events (views past DRAG_MAX, below).
 */
export function stylesheet(large = false, inertTies = false): StylesheetJson {
  const kinds = Object.entries(KIND_STYLE).map(([kind, s]) => ({
    selector: `node[kind = "${kind}"]`,
    style: { 'background-color': s.color, shape: s.shape as 'ellipse' },
  }));
  const types = Object.entries(TYPE_STYLE).map(([type, s]) => ({
    selector: `edge[type = "${type}"]`,
    style: large
      ? { 'line-color': s.color }
      : { 'line-color': s.color, 'target-arrow-color': s.color, 'target-arrow-shape': (s.arrow ? 'triangle' : 'none') as 'triangle' },
  }));
  const size = { width: 'data(size)', height: 'data(size)', 'border-width': 1.5, 'border-color': '#ffffff' };
  return [
    {
      selector: 'node',
      style: large ? size : {
        ...size,
        ...LABEL_LOOK,
        label: 'data(name)',
        // Hubs get larger labels, so the main actors stay named when the view is zoomed out.
        'font-size': ((n: { data(k: string): number }) => labelFont(n.data('size'))) as unknown as number,
        'min-zoomed-font-size': 7,
      },
    },
    ...kinds,
    {
      selector: 'edge',
      style: large
        ? { width: 1, 'curve-style': 'haystack', 'haystack-radius': 0, opacity: 0.75 }
        : { width: 'data(width)', 'curve-style': 'bezier', 'arrow-scale': 0.9, opacity: 0.75, 'line-cap': 'round' },
    },
    ...types,
    // What is not (yet) in force is drawn dashed: planned, pending, interest; declined/ended dotted.
    { selector: 'edge[status = "planned"], edge[status = "pending"], edge[status = "interest"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: 'edge[status = "declined"], edge[status = "ended"]', style: { 'line-style': 'dotted', opacity: 0.55 } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#111827', 'z-index': 20 } },
    { selector: 'edge:selected', style: { opacity: 1, 'z-index': 20, 'underlay-color': '#111827', 'underlay-opacity': 0.15, 'underlay-padding': 4 } },
    { selector: 'node.hover', style: { 'border-width': 3, 'border-color': '#111827' } },
    { selector: 'edge.hover', style: { opacity: 1, 'underlay-color': '#111827', 'underlay-opacity': 0.12, 'underlay-padding': 5 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0.15 } },
    { selector: 'node.highlighted', style: { 'border-width': 4, 'border-color': '#111827', 'z-index': 30, 'font-weight': 700 } },
    { selector: 'edge.highlighted', style: { opacity: 1, 'z-index': 30, width: 'mapData(width, 1, 14, 4, 16)' } },
    { selector: 'edge.highlighted[amountLabel]', style: { label: 'data(amountLabel)', 'font-size': 10, 'text-background-color': '#fff', 'text-background-opacity': 0.9, 'text-background-padding': '2px', 'text-rotation': 'autorotate' } },
    // What the explore view sets (explore.ts): filtered out, undated under a time cut-off, communities, pins.
    { selector: '.filtered', style: { display: 'none' } },
    { selector: 'edge.undated', style: { opacity: 0.45, 'line-style': 'dashed', 'line-dash-pattern': [2, 5] } },
    { selector: 'node.by-community', style: { 'background-color': 'data(commColor)' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-color': '#111827', 'border-style': 'double' } },
    ...(large ? largeViewRules() : []),
    // Past DRAG_MAX elements ties take no pointer events: Cytoscape finds what is under the pointer by testing
    // every interactive element at each mouse move, press and release (~0.1 s each with 50,000 ties), so a
    // click's tap came 0.2 s after its press. An actor's details list its ties with their evidence. There a
    // and a selected actor keeps its place in the drawing order: a changed z-index reorders the texture layers.
    ...(inertTies ? [
      { selector: 'edge', style: { events: 'no' as const } },
      { selector: 'node:selected', style: { 'z-index': 0 } },
      { selector: 'node.hub:selected', style: { 'z-index': 10 } },
    ] : []),
  ];
}

/**
 * Large views draw cheaply (their base rules above: straight thin ties without arrows, no names), naming only
 * the most connected actors (class `hub`, set by explore.ts) and the selected, highlighted and hovered ones —
 * WebGL draws every label it is given, readable or not, and the canvas renderer pays for each.
 */
function largeViewRules(): StylesheetJson {
  return [
    // Names keep about 12 px on screen however far out the view is zoomed (labelZoom follows the zoom).
    { selector: 'node.hub, node:selected, node.highlighted, node.hover', style: { ...LABEL_LOOK, label: 'data(name)', 'font-size': (() => 12 / labelZoom) as unknown as number, 'min-zoomed-font-size': 0, 'z-index': 10 } },
    { selector: 'edge:selected, edge.highlighted, edge.hover', style: { width: 3 } },
  ];
}

/**
 * Gives or takes a class, touching the element only when that changes: Cytoscape's toggleClass(c, bool)
 * restyles and emits 'class' for every element it is called on, changed or not (3.35), so a pass over a
 * whole view that changes nothing would restyle thousands of elements.
 */
export function setClass(ele: { hasClass(c: string): boolean; toggleClass(c: string, on: boolean): unknown }, cls: string, on: boolean): void {
  if (ele.hasClass(cls) !== on) ele.toggleClass(cls, on);
}

/** True when the view is drawn with the large-view style. */
export const isLargeView = (cy: Core) => cy.scratch('maillageLarge') === true;

/**
 * Switches the large-view style on or off (the whole stylesheet is set again), and with `inertTies` (views past
 * DRAG_MAX) ties that take no pointer events; true when it changed. Set it before adding a large payload, so
 * that its elements are styled once.
 */
export function setLargeView(cy: Core, large: boolean, inertTies = false): boolean {
  const inert = large && inertTies;
  if (isLargeView(cy) === large && (cy.scratch('maillageInertTies') === true) === inert) return false;
  cy.scratch('maillageLarge', large);
  cy.scratch('maillageInertTies', inert);
  // A large view selects only through selectOnly (graph/cy.ts): Cytoscape's own selection on a tap redraws every
  // element at once, before the details the user asked for can be shown.
  cy.autounselectify(large);
  cy.style().fromJson(stylesheet(large, inert)).update();
  return true;
}
