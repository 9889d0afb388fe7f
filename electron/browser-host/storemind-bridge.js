// Runs: dom (served by the browser host). Defines window.storemind — the same StoreMindBridge
// object the Electron preload exposes — over HTTP (calls) and a WebSocket (events), so the
// renderer cannot tell which host carries it. Plain JS: served as-is, no build step.
(function () {
  'use strict';
  if (window.storemind) return; // Electron's preload got here first.
  var listeners = {};
  var socket = null;
  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + '/events');
    socket.onmessage = function (message) {
      var msg;
      try { msg = JSON.parse(message.data); } catch { return; }
      (listeners[msg.event] || []).slice().forEach(function (l) { l(msg.payload); });
    };
    socket.onclose = function () { setTimeout(connect, 2000); };
  }
  connect();
  function invoke(op, input, session) {
    var headers = { 'content-type': 'application/json' };
    if (session) headers['x-storemind-session'] = session;
    return fetch('/api/' + encodeURIComponent(op), { method: 'POST', headers: headers, body: JSON.stringify(input === undefined ? {} : input) })
      .then(function (r) { return r.json(); })
      .catch(function () { return { ok: false, error: { code: 'HOST_UNREACHABLE', message: 'The StoreMind service is not reachable.' } }; });
  }
  function subscribe(event, listener) {
    (listeners[event] = listeners[event] || []).push(listener);
    return function () { listeners[event] = (listeners[event] || []).filter(function (l) { return l !== listener; }); };
  }
  Object.defineProperty(window, 'storemind', { value: Object.freeze({ invoke: invoke, subscribe: subscribe }), writable: false, configurable: false });
})();
