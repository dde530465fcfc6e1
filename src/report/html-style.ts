/**
 * The HTML report's own style sheet (KaTeX's comes from katex-css.ts), shared
 * with the playground page, which shows steps the same way.
 */
export const PAGE_CSS = `
:root { --proved: #1a7f37; --numeric: #0969da; --failed: #cf222e; --error: #8250df; --muted: #57606a; --line: #d0d7de; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; margin: 0 auto; max-width: 60rem; padding: 1.5rem; color: #1f2328; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.25rem; margin: 0 0 .25rem; }
.summary { color: var(--muted); margin: 0 0 1.5rem; }
.file { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin: 0 0 1.5rem; }
.file-accepted { border-left: 6px solid var(--proved); }
.file-rejected { border-left: 6px solid var(--failed); }
.file-meta { color: var(--muted); margin: 0 0 .75rem; font-size: .9rem; }
.verdict-accepted { color: var(--proved); font-weight: 600; }
.verdict-rejected { color: var(--failed); font-weight: 600; }
.claim { background: #f6f8fa; border-radius: 6px; padding: .5rem .75rem; margin: 0 0 .75rem; }
.premises { margin: 0 0 .75rem; font-size: .95rem; }
.premises ul { margin: .25rem 0 0; padding-left: 1.25rem; }
ol.steps { list-style: none; margin: 0; padding: 0; }
.step { border-top: 1px solid var(--line); padding: .6rem 0 .6rem 2.4rem; position: relative; }
.mark { position: absolute; left: 0; top: .55rem; width: 1.8rem; height: 1.8rem; border-radius: 50%; color: #fff; font-weight: 700; text-align: center; line-height: 1.8rem; font-size: 1.05rem; }
.status-proved .mark { background: var(--proved); }
.status-numeric .mark { background: var(--numeric); }
.status-failed .mark { background: var(--failed); }
.status-error .mark { background: var(--error); }
.status-failed { background: #ffebe9; }
.status-error { background: #fbefff; }
.step-head { font-size: .9rem; color: var(--muted); }
.status-word { font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
.status-proved .status-word { color: var(--proved); }
.status-numeric .status-word { color: var(--numeric); }
.status-failed .status-word { color: var(--failed); }
.status-error .status-word { color: var(--error); }
.math { font-size: 1.1rem; margin: .35rem 0; overflow-x: auto; overflow-y: hidden; }
.math .katex-display { margin: .25rem 0; text-align: left; }
.math .katex-display > .katex { text-align: left; }
.by { font-style: italic; margin: .15rem 0; }
.message, .evidence, .rules { margin: .15rem 0; }
.message { white-space: pre-wrap; }
.evidence, .rules { color: var(--muted); font-size: .9rem; }
p.warning { color: #8a5a00; }
p.diagnosis, p.mistake { margin: .3rem 0; }
p.mistake { font-weight: 600; }
table.counterexample { border-collapse: collapse; margin: .4rem 0; font-size: .9rem; background: #fff; }
table.counterexample caption { text-align: left; font-weight: 600; padding-bottom: .2rem; }
table.counterexample th, table.counterexample td { border: 1px solid var(--line); padding: .15rem .5rem; text-align: left; }
code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .9em; }
.jump { border: 1px solid var(--line); border-left: 6px solid var(--failed); border-radius: 6px; padding: .5rem 1rem; margin: 0 0 1.5rem; }
.jump h2 { font-size: 1.05rem; }
.jump ol { margin: .25rem 0 0; padding-left: 1.5rem; }
.jump li { margin: .15rem 0; }
.jump .where { color: var(--muted); font-size: .9rem; }
a.anchor { position: relative; top: -.5rem; }
`;
