// LocalCloud console: the only script, embedded in the assembly (decision 0010). The server renders each page; this
// marks the execution graph, draws the history table, follows the live stream (server-sent events) and posts actions.
(() => {
  'use strict';
  const prefix = '/_localcloud/console';
  const body = document.body;
  const status = document.getElementById('status');
  const say = (text, bad) => { status.textContent = text; status.className = bad ? 'bad' : ''; };

  async function act(action, payload) {
    const response = await fetch(`${prefix}/api/${action}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-LocalCloud-Console': '1' },
      body: JSON.stringify(payload),
    });
    const json = await response.json().catch(() => ({}));
    if (!response.ok) {
      say(`${json.code || response.status}: ${json.message || 'refused'}`, true);
      return null;
    }
    return json;
  }

  // Live regions are refreshed from a fresh copy of the same page, so the server stays the only renderer.
  let refreshing = null;
  function refreshSoon() {
    if (refreshing) return;
    refreshing = setTimeout(async () => {
      refreshing = null;
      const response = await fetch(location.href, { credentials: 'same-origin' });
      if (!response.ok) return;
      const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
      for (const region of document.querySelectorAll('[data-live-region]')) {
        const next = fresh.querySelector(`[data-live-region="${region.dataset.liveRegion}"]`);
        // Never under the user's cursor: what they are typing into a form stays.
        if (next && !region.contains(document.activeElement)) region.replaceWith(next);
      }
      body.dataset.refreshed = String(Number(body.dataset.refreshed || 0) + 1);
    }, 100);
  }

  document.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-action], button[data-reveal]');
    if (!button) return;
    const execution = button.dataset.execution;
    const eventId = Number(button.dataset.event);
    if (button.hasAttribute('data-reveal')) {
      const response = await fetch(`${prefix}/api/token?execution=${encodeURIComponent(execution)}&event=${eventId}`, { credentials: 'same-origin' });
      const json = await response.json().catch(() => ({}));
      if (!response.ok) { say(`${json.code}: ${json.message}`, true); return; }
      button.parentElement.querySelector('code.token').textContent = json.taskToken;
      button.remove();
      return;
    }
    const row = button.closest('tr');
    const field = (name) => row && row.querySelector(`[data-field="${name}"]`) ? row.querySelector(`[data-field="${name}"]`).value : undefined;
    const payloads = {
      'stop': () => ({ executionArn: execution }),
      'task-success': () => ({ executionArn: execution, eventId, output: field('output') }),
      'task-failure': () => ({ executionArn: execution, eventId, error: field('error'), cause: field('cause') }),
      'task-heartbeat': () => ({ executionArn: execution, eventId }),
    };
    const action = button.dataset.action;
    button.disabled = true;
    const result = await act(action, payloads[action]());
    button.disabled = false;
    if (result) {
      say(`${button.textContent}: done`);
      if (document.activeElement && document.activeElement.closest('[data-live-region]')) document.activeElement.blur();
      refreshSoon();
    }
  });

  const start = document.getElementById('start');
  if (start) {
    start.addEventListener('submit', async (event) => {
      event.preventDefault();
      const form = new FormData(start);
      const result = await act('start', { stateMachineArn: start.dataset.machine, name: form.get('name'), input: form.get('input') });
      if (result) location.href = `${prefix}/execution?arn=${encodeURIComponent(result.executionArn)}`;
    });
  }

  const data = document.getElementById('history-data');
  const source = body.dataset.liveSource;
  if (!data) {
    if (source) {
      const stream = new EventSource(source);
      stream.addEventListener('open', () => { body.dataset.live = 'open'; });
      stream.addEventListener('change', refreshSoon);
    }
    return;
  }

  // One execution: the history as GetExecutionHistory answers it, then each event as the engine appends it.
  const events = JSON.parse(data.textContent);
  const graph = document.querySelector('#graph svg');
  const nodes = new Map(Array.from(document.querySelectorAll('#graph g[data-state]')).map((g) => [g.dataset.state, g]));
  const rows = document.querySelector('#history tbody');
  const detailsOf = (e) => { for (const key of Object.keys(e)) if (key.endsWith('EventDetails')) return e[key]; return {}; };
  const isFailure = (type) => /(Failed|TimedOut|Aborted)$/.test(type);
  const ended = () => events.some((e) => /^Execution(Succeeded|Failed|Aborted|TimedOut)$/.test(e.type));
  let selected = null;

  // What the history says about each state: its visits (input, output, error), and whether it runs, failed or caught.
  function model() {
    const states = new Map();
    const path = [];
    const open = [];
    const state = (name) => { if (!states.has(name)) states.set(name, { name, type: '', visits: [], failed: false }); return states.get(name); };
    for (const e of events) {
      const d = detailsOf(e);
      if (e.type.endsWith('StateEntered')) {
        const s = state(d.name);
        s.type = e.type.slice(0, -'StateEntered'.length);
        s.visits.push({ input: d.input, entered: e.timestamp });
        path.push(d.name);
        open.push(d.name);
      } else if (e.type.endsWith('StateExited')) {
        const s = state(d.name);
        const visit = s.visits[s.visits.length - 1];
        if (visit) { visit.output = d.output; visit.exited = e.timestamp; visit.variables = d.assignedVariables; }
        const at = open.lastIndexOf(d.name);
        if (at >= 0) open.splice(at, 1);
      } else if (isFailure(e.type) && open.length) {
        const s = state(open[open.length - 1]);
        const visit = s.visits[s.visits.length - 1];
        if (visit) visit.error = { type: e.type, error: d.error, cause: d.cause };
        s.failed = true;
      }
    }
    const done = ended();
    const failedAtEnd = events.some((e) => e.type === 'ExecutionFailed' || e.type === 'ExecutionTimedOut');
    for (const s of states.values()) {
      s.running = !done && open.includes(s.name);
      s.status = s.running ? 'running' : s.failed ? (failedAtEnd && open.includes(s.name) ? 'failed' : 'caught') : 'done';
      if (s.type === 'Fail') s.status = 'failed';
    }
    return { states, path, open };
  }

  function mark() {
    const { states, path } = model();
    for (const [name, g] of nodes) {
      const s = states.get(name);
      g.classList.toggle('visited', !!s);
      g.classList.toggle('running', !!s && s.status === 'running');
      g.classList.toggle('failed', !!s && s.status === 'failed');
      g.classList.toggle('caught', !!s && s.status === 'caught');
      g.setAttribute('aria-label', `${name}${s ? ` (${s.status})` : ' (not entered)'}`);
    }
    const drawn = path.filter((name) => nodes.has(name));
    const taken = new Set(drawn.slice(1).map((to, i) => `${drawn[i]}\u0000${to}`));
    if (graph) {
      for (const edge of graph.querySelectorAll('[data-from]')) {
        const hot = taken.has(`${edge.dataset.from}\u0000${edge.dataset.to}`);
        edge.classList.toggle('hot', hot);
        edge.setAttribute('marker-end', `url(#${hot ? 'm-edge-hot' : 'm-edge'})`);
      }
    }
    body.dataset.events = String(events.length);
    if (selected) show(selected);
  }

  function pretty(json) {
    if (json === undefined || json === null) return '';
    try { return JSON.stringify(JSON.parse(json), null, 2); } catch { return String(json); }
  }

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    // A scrollable block must be reachable from the keyboard.
    if (tag === 'pre') node.tabIndex = 0;
    return node;
  }

  function show(name) {
    selected = name;
    for (const [n, g] of nodes) g.classList.toggle('selected', n === name);
    const panel = document.getElementById('state-detail');
    const s = model().states.get(name);
    panel.replaceChildren(el('h2', `State: ${name}`));
    if (!s) { panel.append(el('p', 'Not entered in this execution.', 'note')); return; }
    panel.append(el('p', `${s.type} · ${s.status} · entered ${s.visits.length} time${s.visits.length === 1 ? '' : 's'}`));
    s.visits.forEach((visit, i) => {
      if (s.visits.length > 1) panel.append(el('h3', `Visit ${i + 1}`));
      panel.append(el('h3', 'Input'), el('pre', pretty(visit.input), 'json'));
      if (visit.output !== undefined) panel.append(el('h3', 'Output'), el('pre', pretty(visit.output), 'json'));
      if (visit.variables) panel.append(el('h3', 'Variables assigned'), el('pre', JSON.stringify(Object.fromEntries(Object.entries(visit.variables).map(([k, v]) => { try { return [k, JSON.parse(v)]; } catch { return [k, v]; } })), null, 2), 'json'));
      if (visit.error) panel.append(el('h3', `Error (${visit.error.type})`), el('pre', `${visit.error.error || ''}\n${visit.error.cause || ''}`.trim(), 'json'));
    });
  }

  for (const [name, g] of nodes) {
    g.addEventListener('click', () => show(name));
    g.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); show(name); } });
  }

  const first = events.length ? events[0].timestamp : 0;
  let step = '';
  function row(e) {
    const d = detailsOf(e);
    if (d.name) step = d.name;
    const tr = el('tr');
    if (isFailure(e.type)) tr.className = 'failure';
    tr.append(el('td', String(e.id)), el('td', e.type), el('td', step), el('td', String(Math.round((e.timestamp - first) * 1000))),
      el('td', new Date(e.timestamp * 1000).toISOString()));
    const cell = el('td');
    if (Object.keys(d).length) {
      const details = el('details');
      details.append(el('summary', 'details'), el('pre', JSON.stringify(d, null, 2), 'json'));
      cell.append(details);
    }
    tr.append(cell);
    rows.append(tr);
    if (e.type.endsWith('StateExited')) step = '';
  }

  events.forEach(row);
  mark();

  const stream = new EventSource(`${source}&after=${events.length ? events[events.length - 1].id : 0}`);
  stream.addEventListener('open', () => { body.dataset.live = 'open'; });
  stream.addEventListener('history', (message) => {
    const e = JSON.parse(message.data);
    if (events.length && e.id <= events[events.length - 1].id) return;
    events.push(e);
    // Engine clock to page: how long the event took to reach this page (docs/console.md, "Measured").
    window.consoleLatencyMs = (window.consoleLatencyMs || []).concat(Date.now() - e.timestamp * 1000);
    row(e);
    mark();
    if (/^(Execution|Task)/.test(e.type)) refreshSoon();
  });
  stream.addEventListener('reload', () => location.reload());
})();
