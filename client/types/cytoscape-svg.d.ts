// cytoscape-svg ships no types: registered with cytoscape.use(), it adds cy.svg(options) → SVG text.
declare module 'cytoscape-svg' {
  import type { Ext } from 'cytoscape';
  const svg: Ext;
  export default svg;
}
