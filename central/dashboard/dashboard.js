// Runs: dom (the platform's fleet dashboard, in the admin's browser). Served as /dashboard.js by
// central/dashboard.ts; plain browser JavaScript, no build step.
'use strict';
const $ = (s) => document.querySelector(s);
const esc = (v) => String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
async function api(path, init = {}) {
  const res = await fetch(path, { ...init, headers: { ...(init.headers || {}), authorization: 'Bearer ' + sessionStorage.getItem('smToken'), 'content-type': 'application/json' } });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) { if (res.status === 401) { sessionStorage.removeItem('smToken'); showLogin(); } throw new Error(body.message || res.statusText); }
  return body;
}
function showLogin() { $('#login').style.display = 'block'; $('#main').hidden = true; }
function ago(t) { if (!t) return 'never'; const s = Math.round((Date.now() - Date.parse(t)) / 1000); return s < 120 ? s + ' s ago' : s < 7200 ? Math.round(s / 60) + ' min ago' : Math.round(s / 3600) + ' h ago'; }
function size(n) { n = Number(n); return n >= 1e6 ? (n / 1e6).toFixed(2) + ' MB' : (n / 1e3).toFixed(1) + ' kB'; }
async function load() {
  try {
    const f = await api('/v1/admin/fleet');
    $('#login').style.display = 'none'; $('#main').hidden = false; $('#msg').textContent = '';
    $('#summary').textContent = f.stats.terminals + ' terminals (' + f.stats.revoked + ' revoked), ' + Object.values(f.stats.records).reduce((a, b) => a + Number(b), 0) + ' records, ' + f.stats.duplicates + ' duplicates ignored, ' + f.stats.rejected + ' rejected';
    $('#terminals tbody').innerHTML = f.terminals.map((t) => '<tr class="' + (t.revokedAt ? 'revoked' : (Date.now() - Date.parse(t.lastContact || 0) > 3600e3 ? 'stale' : '')) + '"><td>' + esc(t.name || t.id) + (t.kind === 'hub' ? ' <b>(store hub)</b>' : '') + (t.name ? '<br><small>' + esc(t.id) + '</small>' : '') + (t.behind || []).map((b) => '<br><small>via hub: ' + esc(b.terminal.slice(0, 8)) + ' · ' + esc(b.records) + ' records · last ' + esc(ago(b.lastRecordAt)) + '</small>').join('') + '</td><td>' + esc(t.storeId) + '</td><td>' + esc(ago(t.lastContact)) + '</td><td>' + esc(t.backlog) + '</td><td>' + esc(t.lastSeq) + '</td><td>' + esc(t.duplicates) + '</td><td>' + esc(t.rejected) + '</td><td>' + (t.models || []).map((m) => esc(m.name + '@' + m.version + ' ' + m.status)).join('<br>') + '</td><td>' + (t.revokedAt ? 'revoked' : '<button data-revoke="' + esc(t.id) + '">Revoke</button>') + '</td></tr>').join('');
    $('#models tbody').innerHTML = f.models.map((m) => '<tr><td>' + esc(m.name) + '</td><td>' + esc(m.version) + '</td><td>' + esc(size(m.length)) + '</td><td><input type="number" min="0" max="100" value="' + esc(m.rollout) + '" data-rollout="' + esc(m.name + '/' + m.version) + '" style="width:5em"></td><td>' + (m.revoked ? 'rolled back' : 'live') + '</td><td>' + esc(m.failures) + '</td><td>' + (m.revoked ? '' : '<button data-rollback="' + esc(m.name + '/' + m.version) + '">Roll back</button>') + '</td></tr>').join('');
    $('#feedback tbody').innerHTML = f.feedback.map((x) => '<tr><td>' + esc(x.store) + '</td><td>' + esc(x.kind) + '</td><td>' + esc(x.n) + '</td><td>' + esc(x.last24h) + '</td></tr>').join('');
    $('#retrains tbody').innerHTML = f.retrains.map((r) => '<tr><td>' + esc(ago(r.at)) + '</td><td>' + esc(r.model) + '</td><td>' + esc(r.decision) + '</td><td>' + esc(r.version || '') + '</td><td>' + esc(r.reason) + '</td></tr>').join('');
  } catch (e) { $('#msg').textContent = e.message; }
}
$('#login').addEventListener('submit', (e) => { e.preventDefault(); sessionStorage.setItem('smToken', $('#token').value); load(); });
document.addEventListener('click', async (e) => {
  const t = e.target;
  try {
    if (t.dataset.revoke && confirm('Revoke terminal ' + t.dataset.revoke + '?')) { await api('/v1/admin/terminals/' + encodeURIComponent(t.dataset.revoke) + '/revoke', { method: 'POST', body: '{}' }); load(); }
    if (t.dataset.rollback && confirm('Roll back ' + t.dataset.rollback + '? Terminals return to the previous version.')) { await api('/v1/admin/models/' + t.dataset.rollback + '/rollback', { method: 'POST', body: '{}' }); load(); }
  } catch (err) { $('#msg').textContent = err.message; }
});
document.addEventListener('change', async (e) => {
  const t = e.target;
  if (!t.dataset.rollout) return;
  try { await api('/v1/admin/models/' + t.dataset.rollout + '/rollout', { method: 'POST', body: JSON.stringify({ rollout: Number(t.value) }) }); load(); } catch (err) { $('#msg').textContent = err.message; }
});
if (sessionStorage.getItem('smToken')) load(); else showLogin();
setInterval(() => { if (sessionStorage.getItem('smToken')) load(); }, 15000);
