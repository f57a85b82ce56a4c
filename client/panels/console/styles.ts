// The console's own styles, injected when it first opens so they stay out of the first bundle's CSS.
export const CONSOLE_CSS = `
.console { display: flex; flex-direction: column; gap: .5rem; font-size: 14px; }
.console h3 { margin: 0; font-size: 14px; }
.console-library { display: flex; flex-wrap: wrap; gap: .3rem; }
.console-example { font: inherit; font-size: 12px; padding: .2rem .5rem; border: 1px solid #bbb; border-radius: 999px; background: #f6f6f6; cursor: pointer; }
.console-example:hover, .console-example:focus { background: #e8eefc; border-color: #3b6fd8; }
.console-editor { border: 1px solid #bbb; border-radius: 4px; min-height: 8rem; max-height: 18rem; overflow: auto; background: #fff; }
.console-editor .cm-editor { min-height: 8rem; }
.console-editor .cm-editor.cm-focused { outline: 2px solid #3b6fd8; }
.cm-cypher-error { text-decoration: underline wavy #c0392b; background: #fde2e0; }
.console-label { font-weight: 600; font-size: 12px; }
.console-params { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; width: 100%; box-sizing: border-box; }
.console-params.invalid { border-color: #c0392b; }
.console-params-error, .console-error { color: #a02818; white-space: pre-wrap; }
.console-error:empty, .console-params-error:empty { display: none; }
.console-error { background: #fdecea; border-left: 3px solid #c0392b; padding: .4rem .6rem; }
.console-actions { display: flex; gap: .5rem; align-items: center; flex-wrap: wrap; }
.console-run { font: inherit; font-weight: 600; padding: .3rem .9rem; background: #3b6fd8; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
.console-run:disabled { opacity: .6; cursor: progress; }
.console-history { max-width: 14rem; }
.console-status { color: #444; font-size: 12px; }
.console-result { overflow: auto; max-height: 40vh; }
.console-table { border-collapse: collapse; font-size: 12px; width: 100%; }
.console-table th, .console-table td { border: 1px solid #ddd; padding: .2rem .4rem; text-align: left; vertical-align: top; }
.console-table th { background: #f2f2f2; position: sticky; top: 0; }
.console-table pre { margin: 0; font-size: 11px; white-space: pre-wrap; }
.console-node { color: #1f4fa8; }
.console-rel { color: #7a3e00; }
.console-path { color: #333; font-family: ui-monospace, Menlo, Consolas, monospace; }
.console-null { color: #999; font-style: italic; }
`;
