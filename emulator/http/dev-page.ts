/** The local cloud's dev page (/__dev/): pick who you are, browse collections, the outbox, media checks and logs. */
export function devPageHtml(appName: string): string {
  const title = appName.replace(/[&<>"']/g, '')
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · 本地云开发者页面</title>
<style>
  body{font:15px/1.6 system-ui,"Noto Sans CJK SC",sans-serif;margin:0;background:#f6f4f1;color:#222}
  header{background:#c8102e;color:#fff;padding:14px 20px}header h1{margin:0;font-size:20px}
  main{display:grid;grid-template-columns:repeat(auto-fit,minmax(340px,1fr));gap:16px;padding:16px}
  section{background:#fff;border-radius:12px;padding:14px 16px;box-shadow:0 1px 3px #0001}
  h2{font-size:17px;margin:0 0 10px}button{font:inherit;min-height:40px;padding:0 14px;border-radius:8px;border:1px solid #c8102e;background:#fff;color:#c8102e;cursor:pointer}
  button.primary{background:#c8102e;color:#fff}ul{list-style:none;padding:0;margin:0}li{padding:6px 0;border-bottom:1px solid #eee}
  pre{white-space:pre-wrap;word-break:break-all;background:#fafafa;border-radius:8px;padding:8px;max-height:420px;overflow:auto;font-size:12px}
  .me{font-weight:600}.tag{display:inline-block;background:#fde8ea;color:#a00d25;border-radius:6px;padding:0 6px;margin-left:4px;font-size:12px}
  a{color:#c8102e}
</style></head><body>
<header><h1>${title} · 本地云</h1><div>当前身份：<span id="me" class="me">（未选择）</span> · <a href="/" style="color:#fff">打开 H5 预览 →</a></div></header>
<main>
<section><h2>我是谁</h2><ul id="people"></ul>
<p><input id="custom" placeholder="自定义 openid" style="font:inherit;padding:6px;width:60%"> <button onclick="login(document.getElementById('custom').value)">切换</button></p></section>
<section><h2>数据库集合</h2><ul id="collections"></ul><pre id="docs"></pre></section>
<section><h2>订阅消息发件箱</h2><button onclick="loadOutbox()">刷新</button> <button onclick="clearOutbox()">清空</button><pre id="outbox"></pre></section>
<section><h2>图片/音频审核结果（mediaCheckAsync）</h2><button onclick="loadMedia()">刷新</button><pre id="media"></pre></section>
<section><h2>云函数与日志</h2><ul id="functions"></ul><button onclick="loadLogs()">刷新日志</button><pre id="logs"></pre></section>
</main>
<script>
const j = (u, o) => fetch(u, o).then(r => r.json());
async function whoami(){ const r = await j('/__dev/api/whoami'); document.getElementById('me').textContent = r.openid || '（未选择，将以新访客身份进入）'; }
async function login(openid){ await j('/__dev/api/login',{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify({openid})}); whoami(); }
async function loadPeople(){ const r = await j('/__dev/api/people'); const ul = document.getElementById('people'); ul.innerHTML='';
  for (const p of r.people){ const li=document.createElement('li');
    li.innerHTML = '<button class="primary">以此身份</button> '+escape(p.name||p.openid)+' <code>'+escape(p.openid)+'</code>'+(p.tags||[]).map(x=>'<span class="tag">'+escape(x)+'</span>').join('');
    li.querySelector('button').onclick=()=>login(p.openid); ul.appendChild(li);} }
async function loadCollections(){ const r = await j('/__dev/api/collections'); const ul=document.getElementById('collections'); ul.innerHTML='';
  for (const c of r.collections){ const li=document.createElement('li'); li.innerHTML='<a href="#">'+escape(c.name)+'</a> （'+c.count+' 条）'; li.querySelector('a').onclick=async(e)=>{e.preventDefault(); const d=await j('/__dev/api/collections/'+c.name+'?limit=50'); document.getElementById('docs').textContent=JSON.stringify(d.docs,null,2);}; ul.appendChild(li);} }
async function loadOutbox(){ const r = await j('/__dev/api/outbox'); document.getElementById('outbox').textContent = r.outbox.length ? JSON.stringify(r.outbox,null,2) : '（空）'; }
async function loadMedia(){ const r = await j('/__dev/api/media-checks'); document.getElementById('media').textContent = r.checks.length ? JSON.stringify(r.checks,null,2) : '（暂无）'; }
async function clearOutbox(){ await j('/__dev/api/outbox',{method:'DELETE'}); loadOutbox(); }
async function loadFunctions(){ const r = await j('/__dev/api/functions'); const ul=document.getElementById('functions'); ul.innerHTML='';
  for (const f of r.functions){ const li=document.createElement('li'); li.innerHTML='<b>'+escape(f.name)+'</b> 超时 '+(f.config.timeout||3)+' 秒';
    for (const t of (f.config.triggers||[])){ const b=document.createElement('button'); b.textContent='运行定时触发器 '+t.name; b.onclick=async()=>{ const x=await j('/__dev/api/functions/'+f.name+'/triggers/'+t.name,{method:'POST'}); alert(JSON.stringify(x)); loadLogs(); }; li.appendChild(document.createTextNode(' ')); li.appendChild(b);} ul.appendChild(li);} }
async function loadLogs(){ const r = await j('/__dev/api/logs'); document.getElementById('logs').textContent = r.logs.map(l=>l.at.slice(11,19)+' '+l.fn+' '+l.level+' '+l.text).join('\\n') || '（暂无）'; }
function escape(s){ return String(s).replace(/[&<>"']/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;',"'":'&#39;'}[c])); }
whoami(); loadPeople(); loadCollections(); loadOutbox(); loadMedia(); loadFunctions(); loadLogs();
</script></body></html>`
}
