/**
 * The shell every HTML report shares: one file with its stylesheet, its script, asciinema-player and
 * its frames inline (no network, opens from file://). Frames sit once each in `<template>`s and are
 * cloned into a step when it is opened; a replay's player is made when its tape is opened.
 */
import { escapeHtml, inlineCode } from './html.js';
import type { FrameStore } from './frames.js';
import { playerAssets } from './player.js';

const STYLE = `
:root{--bg:#fafafa;--fg:#1f2328;--muted:#656d76;--line:#d0d7de;--pass:#1a7f37;--fail:#cf222e;--flaky:#9a6700;--card:#fff}
*{box-sizing:border-box}body{margin:0;font:14px/1.45 system-ui,sans-serif;background:var(--bg);color:var(--fg)}
header{padding:16px 24px;background:#24292f;color:#fff}header h1{margin:0 0 6px;font-size:20px}
main{padding:16px 24px;max-width:1400px}
.summary{display:flex;gap:16px;align-items:center;flex-wrap:wrap;margin-bottom:12px}
.count{font-size:18px;font-weight:600}.count.passed{color:var(--pass)}.count.failed{color:var(--fail)}.count.flaky{color:var(--flaky)}
.filters button{border:1px solid var(--line);background:var(--card);padding:4px 10px;border-radius:6px;cursor:pointer}
.filters button[aria-pressed=true]{background:#0969da;color:#fff;border-color:#0969da}
input[type=search]{padding:5px 8px;border:1px solid var(--line);border-radius:6px;min-width:260px}
details.tape{background:var(--card);border:1px solid var(--line);border-radius:8px;margin:8px 0}
details.tape>summary{padding:8px 12px;cursor:pointer;font-weight:600}
.badge{display:inline-block;min-width:44px;text-align:center;border-radius:10px;padding:0 8px;color:#fff;font-size:12px;margin-right:8px}
.badge.passed{background:var(--pass)}.badge.failed{background:var(--fail)}.badge.flaky{background:var(--flaky)}
.attempt{border-left:3px solid var(--flaky);padding-left:8px;margin:8px 0}
.tape-body{padding:0 12px 12px}.muted{color:var(--muted);font-weight:400}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:3px 6px;border-bottom:1px solid #eaeef2;vertical-align:top}
th{font-size:12px;color:var(--muted);font-weight:600}
tr.step.failed td{background:#ffebe9}code{font:12px/1.4 ui-monospace,DejaVu Sans Mono,monospace}
details.step>summary{cursor:pointer}details.step[open]>summary{margin-bottom:6px}
.frame svg{max-width:100%;height:auto;display:block;border-radius:4px}.frame{max-width:720px}
.pair{display:flex;gap:16px;flex-wrap:wrap}.pair figure{margin:0;flex:1 1 560px}.pair figcaption{font-weight:600;margin-bottom:4px}
.snapshot-diff figure{margin:8px 0 0}.stack{position:relative;max-width:720px}.stack .overlay{position:absolute;inset:0;width:100%;height:100%}
.failure{border-left:4px solid var(--fail);padding:8px 12px;background:#fff8f8;margin:8px 0}
.failure pre{white-space:pre-wrap;margin:4px 0}dl.kv{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:4px 0}dl.kv dt{color:var(--muted)}dl.kv dd{margin:0}
.replay{margin:8px 0;max-width:760px}button.seek{border:0;background:none;color:#0969da;cursor:pointer;padding:0}
.env{font-size:13px}.hidden{display:none!important}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px}
.chart h3{margin:0 0 4px;font-size:14px}
`;

const SCRIPT = `
(function(){
  function frame(el){var t=document.getElementById(el.dataset.frame);if(t&&!el.firstChild)el.appendChild(t.content.cloneNode(true));}
  function hydrate(root){root.querySelectorAll('[data-frame]').forEach(function(el){var d=el.closest('details');if(!d||d.open)frame(el);});}
  var players={};
  function player(box){
    if(players[box.id]||!window.AsciinemaPlayer)return players[box.id];
    var cast=JSON.parse(document.getElementById(box.dataset.cast).textContent);
    players[box.id]=AsciinemaPlayer.create({data:cast},box,{cols:+box.dataset.cols,rows:+box.dataset.rows,fit:'width',idleTimeLimit:2,preload:true});
    return players[box.id];
  }
  function open(d){hydrate(d);d.querySelectorAll('.replay').forEach(function(b){var o=b.closest('details');if(!o||o.open)player(b);});}
  document.addEventListener('toggle',function(e){if(e.target.open)open(e.target);},true);
  document.addEventListener('click',function(e){
    var s=e.target.closest('button.seek');
    if(s){var p=player(document.getElementById(s.dataset.player));if(p){p.seek(+s.dataset.at);p.pause();}return;}
    var f=e.target.closest('.filters button');
    if(f){document.querySelectorAll('.filters button').forEach(function(b){b.setAttribute('aria-pressed',b===f?'true':'false');});apply();}
  });
  var search=document.getElementById('search');
  function apply(){
    var pressed=document.querySelector('.filters button[aria-pressed=true]');var status=pressed?pressed.dataset.filter:'all';
    var q=(search&&search.value||'').toLowerCase();var shown=0;
    document.querySelectorAll('[data-status]').forEach(function(t){
      var ok=(status==='all'||t.dataset.status===status)&&(!q||t.dataset.search.indexOf(q)>=0);
      t.classList.toggle('hidden',!ok);if(ok)shown++;
    });
    var c=document.getElementById('shown');if(c)c.textContent=String(shown);
  }
  if(search)search.addEventListener('input',apply);
  hydrate(document);document.querySelectorAll('details[open]').forEach(open);apply();
})();
`;

export interface PageParts {
  title: string;
  /** the line under the title */
  subtitle: string;
  body: string;
  frames: FrameStore;
  /** include asciinema-player (a report with replays) */
  player: boolean;
}

export function page(parts: PageParts): string {
  const assets = parts.player ? playerAssets() : null;
  const templates = parts.frames.entries().map(({ id, svg }) => `<template id="${id}">${svg}</template>`).join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<style>${STYLE}</style>${assets ? `\n<style>${inlineCode(assets.style, 'style')}</style>` : ''}
</head><body>
<header><h1>${escapeHtml(parts.title)}</h1><div>${escapeHtml(parts.subtitle)}</div></header>
<main>
${parts.body}
</main>
<div id="frames" hidden>
${templates}
</div>${assets ? `\n<script>${inlineCode(assets.script, 'script')}</script>` : ''}
<script>${SCRIPT}</script>
</body></html>
`;
}
