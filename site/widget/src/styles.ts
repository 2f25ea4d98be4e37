/**
 * The chat pane's styles, scoped by the shadow root. Colours come from custom properties so a
 * host can theme the widget from its own stylesheet (they inherit through the shadow boundary).
 * Defaults meet WCAG AA contrast: #1d4ed8 on white is 6.7:1, #4b5563 on white is 7.6:1.
 */
export const PANE_CSS = `
.pane{--accent:var(--salient-accent,#1d4ed8);--accent-text:var(--salient-accent-text,#fff);
--bg:var(--salient-bg,#fff);--text:var(--salient-text,#111827);--muted:var(--salient-muted,#4b5563);
--user-bubble:var(--salient-user-bubble,var(--accent));--user-text:var(--salient-user-text,var(--accent-text));
--assistant-bubble:var(--salient-assistant-bubble,#f1f5f9);--border:var(--salient-border,#cbd5e1);
--error:var(--salient-error,#b91c1c);--radius:var(--salient-radius,14px);
position:fixed;bottom:calc(var(--salient-offset,20px) + 68px);right:var(--salient-offset,20px);
z-index:var(--salient-z-index,2147483000);width:min(400px,calc(100vw - 2*var(--salient-offset,20px)));
height:min(640px,calc(100vh - 120px));display:flex;flex-direction:column;box-sizing:border-box;
background:var(--bg);color:var(--text);border:1px solid var(--border);border-radius:var(--radius);
box-shadow:0 12px 40px rgba(15,23,42,.28);overflow:hidden;
font:15px/1.5 var(--salient-font,system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif);
text-align:left}
.pane[hidden],.pane [hidden]{display:none!important}
slot[name=challenge]{display:flex;justify-content:center}
::slotted(*){margin:6px 12px 0;max-width:100%}
.pane[data-position=left]{right:auto;left:var(--salient-offset,20px)}
.pane.inline{position:relative;inset:auto;width:100%;height:100%;border-radius:0;box-shadow:none;border:0}
@media (max-width:480px){.pane:not(.inline){inset:0;width:100%;height:100%;height:100dvh;border-radius:0;border:0}}
@media (prefers-reduced-motion:no-preference){.pane:not(.inline){animation:salient-in .18s ease-out}}
@keyframes salient-in{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}
*,*::before,*::after{box-sizing:border-box}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button{font:inherit;cursor:pointer}
:focus-visible{outline:3px solid var(--salient-focus,var(--accent));outline-offset:2px}
.head{display:flex;align-items:center;gap:10px;padding:12px 14px;background:var(--accent);color:var(--accent-text)}
.head .avatar{width:36px;height:36px;border-radius:50%;flex:none;object-fit:cover;display:flex;align-items:center;justify-content:center;
background:var(--accent-text);color:var(--accent);font-weight:700}
.head .titles{flex:1;min-width:0}
.head h2{margin:0;font-size:16px;line-height:1.3;font-weight:650;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.head p{margin:0;font-size:13px;opacity:.95;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.head button{flex:none;width:36px;height:36px;border:0;border-radius:8px;background:transparent;color:inherit;display:flex;align-items:center;justify-content:center}
.head button:hover{background:rgba(255,255,255,.16)}
.head button:focus-visible{outline-color:var(--accent-text)}
.head svg{width:20px;height:20px}
.log{flex:1;overflow-y:auto;padding:14px;display:flex;flex-direction:column;gap:12px;overscroll-behavior:contain}
.msg{display:flex;flex-direction:column;max-width:88%}
.msg.user{align-self:flex-end;align-items:flex-end}
.msg.assistant{align-self:flex-start;max-width:94%}
.bubble{padding:9px 13px;border-radius:var(--radius);overflow-wrap:anywhere;min-width:0;max-width:100%}
.user .bubble{background:var(--user-bubble);color:var(--user-text);border-bottom-right-radius:4px;white-space:pre-wrap}
.assistant .bubble{background:var(--assistant-bubble);color:var(--text);border-bottom-left-radius:4px}
.bubble>:first-child{margin-top:0}.bubble>:last-child{margin-bottom:0}
.bubble p,.bubble ul,.bubble ol,.bubble blockquote,.bubble .table-scroll,.bubble .code-block{margin:0 0 .6em}
.bubble ul,.bubble ol{padding-left:1.3em}
.bubble h3,.bubble h4,.bubble h5,.bubble h6{margin:.6em 0 .3em;font-size:1em}
.bubble a{color:#1e40af;text-decoration:underline}
.user .bubble a{color:inherit}
.bubble blockquote{border-left:3px solid var(--border);padding-left:10px;color:var(--muted)}
.bubble code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em;background:rgba(15,23,42,.08);padding:1px 4px;border-radius:4px}
.code-block{position:relative}
.code-block pre{margin:0;padding:28px 10px 10px;background:#0f172a;color:#f1f5f9;border-radius:8px;overflow-x:auto;font-size:13px}
.code-block pre code{background:none;padding:0;color:inherit}
.code-block .copy{position:absolute;top:4px;right:4px;font-size:12px;padding:2px 8px;border-radius:6px;border:1px solid #94a3b8;background:#1e293b;color:#f1f5f9}
.table-scroll{overflow-x:auto;max-width:100%}
.bubble table{border-collapse:collapse;font-size:13.5px;background:var(--bg)}
.bubble th,.bubble td{border:1px solid var(--border);padding:4px 8px;vertical-align:top;overflow-wrap:normal}
.bubble th{background:#e2e8f0}
.cite{line-height:0}
.cite a{font-size:.75em;padding:0 2px;text-decoration:none;font-weight:600}
.sources{margin-top:6px;font-size:13px;color:var(--muted)}
.sources p{margin:0 0 2px;font-weight:600}
.sources ol{margin:0;padding-left:1.5em}
.sources a{color:#1e40af}
.note{display:flex;align-items:center;gap:8px;flex-wrap:wrap;margin-top:4px;font-size:13px;color:var(--muted)}
.note.error{color:var(--error)}
.note button{border:1px solid currentColor;background:var(--bg);color:inherit;border-radius:6px;padding:2px 10px;font-size:13px}
.typing{display:inline-flex;gap:4px;align-items:center;height:1.2em}
.typing .dot{width:7px;height:7px;border-radius:50%;background:var(--muted);opacity:.5}
@media (prefers-reduced-motion:no-preference){.typing .dot{animation:salient-blink 1.2s infinite}
.typing .dot:nth-child(3){animation-delay:.2s}.typing .dot:nth-child(4){animation-delay:.4s}}
@keyframes salient-blink{0%,80%,100%{opacity:.3}40%{opacity:1}}
.status-line{padding:4px 14px;font-size:13px;color:var(--muted)}
.status-line:empty{display:none}
.composer{display:flex;gap:8px;align-items:flex-end;padding:10px;border-top:1px solid var(--border);background:var(--bg)}
.composer textarea{flex:1;resize:none;min-height:42px;max-height:140px;border-radius:10px;padding:8px 10px}
textarea,input{font:inherit;color:var(--text);background:var(--bg);border:1px solid #64748b;border-radius:8px;padding:6px 9px;line-height:1.4;max-width:100%}
textarea::placeholder{color:#6b7280}
.composer button{flex:none;width:42px;height:42px;border:0;border-radius:10px;background:var(--accent);color:var(--accent-text);display:flex;align-items:center;justify-content:center}
.composer button svg{width:20px;height:20px}
.composer button .i-stop,.composer button[data-state=stop] .i-send{display:none}
.composer button[data-state=stop] .i-stop{display:block}
.sources ol{list-style:none;padding:0}
.sources li{position:relative}
.rank{font-weight:600}
.tip{display:none;position:absolute;left:0;bottom:100%;z-index:2;max-width:280px;padding:6px 9px;border-radius:8px;background:#0f172a;color:#f8fafc;font-size:12.5px;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.sources li:hover .tip,.sources li:focus-within .tip{display:block}
.sources li.tip-off .tip{display:none}
.md-image{max-width:100%;height:auto;border-radius:8px}
.starters{display:flex;flex-wrap:wrap;gap:6px;align-self:flex-start}
.starter,.chip,.secondary,.primary,.danger{border:1px solid var(--accent);border-radius:999px;padding:5px 12px;background:var(--bg);color:var(--accent);font-size:14px;text-align:left}
.primary{background:var(--accent);color:var(--accent-text);border-radius:8px}
.secondary{border-radius:8px}
.danger{background:var(--error);border-color:var(--error);color:#fff;border-radius:8px}
.chip[aria-pressed=true]{background:var(--accent);color:var(--accent-text)}
[aria-disabled=true]{opacity:.7;cursor:not-allowed}
.feedback{display:flex;flex-wrap:wrap;align-items:center;gap:4px;margin-top:4px}
.feedback>button{width:32px;height:32px;border:1px solid transparent;border-radius:8px;background:transparent;color:var(--muted);display:flex;align-items:center;justify-content:center}
.feedback>button svg{width:16px;height:16px}
.feedback>button[aria-pressed=true]{color:var(--accent);border-color:var(--accent);background:var(--assistant-bubble)}
.reasons{flex-basis:100%;display:flex;flex-direction:column;gap:6px;padding:8px;border:1px solid var(--border);border-radius:10px;font-size:14px}
.reasons fieldset{border:0;padding:0;margin:0;display:flex;flex-wrap:wrap;gap:6px}
.reasons legend{padding:0;margin-bottom:4px}
.reasons .primary{align-self:flex-start}
.flow-status{margin:6px 0 0;font-size:13px;color:var(--muted)}
.flow-status:empty{display:none}
.flow-status.error{color:var(--error)}
.feedback .flow-status{margin:0 0 0 4px}
.menu{position:absolute;right:8px;z-index:3;margin:0;padding:4px;list-style:none;background:var(--bg);border:1px solid var(--border);border-radius:10px;box-shadow:0 8px 24px rgba(15,23,42,.2);min-width:220px}
.menu[hidden]{display:none}
.menu button{display:block;width:100%;text-align:left;border:0;border-radius:6px;padding:8px 10px;background:transparent;color:var(--text)}
.menu button:hover{background:var(--assistant-bubble)}
.panel{flex:1;display:flex;flex-direction:column;min-height:0}
.panel-head{display:flex;align-items:center;gap:6px;padding:8px 10px;border-bottom:1px solid var(--border)}
.panel-head h3{margin:0;font-size:15px}
.panel-head button{width:32px;height:32px;border:0;border-radius:8px;background:transparent;color:var(--text);display:flex;align-items:center;justify-content:center}
.panel-head svg{width:20px;height:20px}
.panel-body{flex:1;overflow-y:auto;padding:12px 14px;display:flex;flex-direction:column;gap:10px;font-size:14px}
.panel-body p{margin:0}
.panel-body form{display:flex;flex-direction:column;gap:10px}
.panel-body form>.primary{align-self:flex-start}
.field{display:flex;flex-direction:column;gap:3px}
.field label{font-weight:600}
.hint{font-weight:400;color:var(--muted)}
.actions{display:flex;flex-wrap:wrap;gap:8px}
.details-card{border:1px solid var(--border);border-radius:10px;padding:10px 12px}
.details-card h4{display:inline;margin:0 8px 0 0;font-size:15px}
.badge{display:inline-block;font-size:12px;padding:1px 8px;border-radius:999px;background:#e2e8f0;color:var(--text)}
.badge.verified{background:#166534;color:#fff}
.details-card dl{margin:8px 0 0;display:grid;grid-template-columns:auto 1fr;gap:2px 10px}
.details-card dt{color:var(--muted)}.details-card dd{margin:0;overflow-wrap:anywhere}
.sessions{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:6px}
.session{width:100%;display:flex;flex-direction:column;text-align:left;gap:2px;padding:8px 10px;border:1px solid var(--border);border-radius:8px;background:var(--bg);color:var(--text)}
.session[aria-current=true]{border-color:var(--accent);border-width:2px}
.session .date{font-size:12.5px;color:var(--muted)}
.footer{padding:0 10px 6px;font-size:11.5px;color:var(--muted);text-align:center;background:var(--bg)}
`;
