// LocalCloud console: the only script, embedded in the assembly (decision 0010). The server renders each page; this
// marks the execution graph, draws the history table, follows the live stream (server-sent events) and posts actions.
(() => {
  'use strict';
  const prefix = '/_localcloud/console';
  const body = document.body;
  const status = document.getElementById('status');
  const say = (text, bad) => { status.textContent = text; status.className = bad ? 'bad' : ''; };
  // Set on an execution's page: takes up its live stream again once a redrive has reopened the execution.
  let followAgain = null;

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
      'redrive': () => ({ executionArn: execution }),
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
      if (action === 'redrive' && followAgain) followAgain();
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
  const main = { graph: document.querySelector('#graph svg'), nodes: nodesOf(document.getElementById('graph')), panel: document.getElementById('state-detail') };
  const rows = document.querySelector('#history tbody');
  const detailsOf = (e) => { for (const key of Object.keys(e)) if (key.endsWith('EventDetails')) return e[key]; return {}; };
  const isFailure = (type) => /(Failed|TimedOut|Aborted)$/.test(type);
  // A redrive reopens an ended execution: only what follows the last ExecutionRedriven counts.
  const sinceRedrive = () => events.slice(events.map((e) => e.type).lastIndexOf('ExecutionRedriven') + 1);
  const ended = () => sinceRedrive().some((e) => /^Execution(Succeeded|Failed|Aborted|TimedOut)$/.test(e.type));

  function nodesOf(container) {
    return new Map(Array.from(container ? container.querySelectorAll('g[data-state]') : []).map((g) => [g.dataset.state, g]));
  }

  // Lanes: the execution's own path, each Map iteration and each Parallel branch. Each event names the previous event
  // of its own lane (previousEventId), so iterations that run at once come apart again here.
  const root = { id: 'root', kind: 'root', events: [], children: [], label: '', current: '' };
  const lanes = [];
  const laneOf = new Map();
  const byId = new Map();
  function newLane(kind, state, index, parent, from) {
    // owner: the Map or Parallel state the lane belongs to; current: the state it entered last.
    const lane = { id: `lane-${lanes.length}`, kind, owner: state, index, parent, from, events: [], children: [], closed: null, current: '' };
    lane.label = `${parent.label ? `${parent.label} › ` : ''}${kind === 'map' ? `${state} #${index}` : `${state} branch ${index + 1}`}`;
    parent.children.push(lane);
    lanes.push(lane);
    return lane;
  }
  // A branch is known by the state it starts in; branches that start alike are told apart by the order they start in.
  function branchIndex(parallel, first, from) {
    const section = document.querySelector(`section.lanes[data-lanes="${CSS.escape(parallel)}"]`);
    const starts = section ? Array.from(section.querySelectorAll('[data-lane-graph]')).map((d) => d.dataset.start) : [];
    const taken = new Set(lanes.filter((l) => l.from === from).map((l) => l.index));
    const candidates = starts.map((s, i) => (s === first ? i : -1)).filter((i) => i >= 0 && !taken.has(i));
    return candidates.length ? candidates[0] : taken.size;
  }
  function close(lane, how) {
    if (lane.closed) return;
    lane.closed = how;
    lane.children.forEach((child) => close(child, how));
  }
  function assign(e) {
    const prev = laneOf.has(e.previousEventId) ? { lane: laneOf.get(e.previousEventId), event: byId.get(e.previousEventId) } : null;
    let lane;
    if (!prev || e.type.startsWith('Execution')) {
      lane = root;
    } else if (/^MapIteration(Succeeded|Failed|Aborted)$/.test(e.type)) {
      const iteration = prev.event.type === 'MapIterationStarted' ? null : prev.lane;
      lane = iteration ? (iteration.parent || root) : prev.lane;
      if (iteration) close(iteration, e.type.slice('MapIteration'.length));
    } else if (prev.event.type === 'MapIterationStarted' && e.type !== 'MapIterationStarted') {
      const d = detailsOf(prev.event);
      lane = newLane('map', d.name, d.index, prev.lane, prev.event.id);
    } else if (prev.event.type === 'ParallelStateStarted' && !e.type.startsWith('ParallelState')) {
      lane = newLane('parallel', prev.lane.current, branchIndex(prev.lane.current, detailsOf(e).name, prev.event.id), prev.lane, prev.event.id);
    } else {
      lane = prev.lane;
    }
    if (/^ParallelState(Succeeded|Failed|Aborted)$/.test(e.type)) {
      lane.children.filter((c) => c.kind === 'parallel' && !c.closed).forEach((c) => close(c, e.type.slice('ParallelState'.length)));
    }
    laneOf.set(e.id, lane);
    byId.set(e.id, e);
    lane.events.push(e);
    if (e.type.endsWith('StateEntered')) lane.current = detailsOf(e).name;
  }

  // What a lane's events say about each of its states: visits (input, output, error), and whether it runs, failed or caught.
  function model(list, done, failedAtEnd) {
    const states = new Map();
    const path = [];
    const open = [];
    const state = (name) => { if (!states.has(name)) states.set(name, { name, type: '', visits: [], failed: false }); return states.get(name); };
    for (const e of list) {
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
      } else if (e.type === 'ExecutionRedriven') {
        // The states open when it stopped ended with it; the redrive enters them again.
        open.length = 0;
        for (const s of states.values()) s.failed = false;
      } else if (isFailure(e.type) && !e.type.startsWith('MapIteration') && open.length) {
        const s = state(open[open.length - 1]);
        const visit = s.visits[s.visits.length - 1];
        if (visit) visit.error = { type: e.type, error: d.error, cause: d.cause };
        s.failed = true;
      }
    }
    for (const s of states.values()) {
      s.running = !done && open.includes(s.name);
      s.status = s.running ? 'running' : s.failed ? (failedAtEnd && open.includes(s.name) ? 'failed' : 'caught') : 'done';
      if (s.type === 'Fail') s.status = 'failed';
    }
    return { states, path };
  }

  const rootModel = () => model(root.events, ended(), sinceRedrive().some((e) => e.type === 'ExecutionFailed' || e.type === 'ExecutionTimedOut'));
  const laneModel = (lane) => model(lane.events, ended() || !!lane.closed, lane.closed === 'Failed' || (!lane.closed && ended()));

  function paint(view, m) {
    for (const [name, g] of view.nodes) {
      const s = m.states.get(name);
      g.classList.toggle('visited', !!s);
      g.classList.toggle('running', !!s && s.status === 'running');
      g.classList.toggle('failed', !!s && s.status === 'failed');
      g.classList.toggle('caught', !!s && s.status === 'caught');
      g.setAttribute('aria-label', `${name}${s ? ` (${s.status})` : ' (not entered)'}`);
    }
    const drawn = m.path.filter((name) => view.nodes.has(name));
    const taken = new Set(drawn.slice(1).map((to, i) => `${drawn[i]}\u0000${to}`));
    if (view.graph) {
      for (const edge of view.graph.querySelectorAll('[data-from]')) {
        const hot = taken.has(`${edge.dataset.from}\u0000${edge.dataset.to}`);
        edge.classList.toggle('hot', hot);
        edge.setAttribute('marker-end', `url(#${hot ? 'm-edge-hot' : 'm-edge'})`);
      }
    }
    if (view.selected) show(view, m, view.selected);
  }

  // One view per Map or Parallel section: its picker lists the lanes of that state; the picked one is painted.
  const sections = Array.from(document.querySelectorAll('section.lanes[data-lanes]')).filter((s) => s.querySelector('[data-lane-picker]')).map((section) => ({
    section,
    name: section.dataset.lanes,
    kind: section.dataset.kind,
    picker: section.querySelector('[data-lane-picker]'),
    summary: section.querySelector('[data-lane-summary]'),
    graphs: Array.from(section.querySelectorAll('[data-lane-graph]')).map((div) => ({
      div, graph: div.querySelector('svg'), nodes: nodesOf(div), panel: div.querySelector('.lane-detail'), selected: null,
    })),
  }));

  const outcome = (lane) => (lane.closed ? lane.closed.toLowerCase() : ended() ? 'ended' : 'running');

  function markSections() {
    for (const view of sections) {
      const mine = lanes.filter((l) => l.kind === view.kind && l.owner === view.name);
      const wanted = view.picker.value;
      const options = mine.map((l) => `${l.id}|${l.label} (${outcome(l)})`);
      if (view.picker.dataset.options !== options.join('\n')) {
        view.picker.replaceChildren(...(mine.length ? mine.map((l) => new Option(`${l.label.slice(l.label.lastIndexOf('›') + 1).trim()}${l.parent !== root ? ` in ${l.parent.label}` : ''} (${outcome(l)})`, l.id)) : [new Option('none run yet', '')]));
        view.picker.dataset.options = options.join('\n');
        if (mine.some((l) => l.id === wanted)) view.picker.value = wanted;
      }
      const counts = {};
      mine.forEach((l) => { counts[outcome(l)] = (counts[outcome(l)] || 0) + 1; });
      view.summary.textContent = mine.length ? `${mine.length} ${view.kind === 'map' ? 'iteration' : 'branch'}${mine.length === 1 ? '' : view.kind === 'map' ? 's' : 'es'}: ${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}` : '';
      const lane = mine.find((l) => l.id === view.picker.value);
      view.section.dataset.picked = lane ? lane.id : '';
      view.graphs.forEach((g, i) => {
        g.div.hidden = view.kind === 'parallel' && !!lane && lane.index !== i;
        g.lane = lane && (view.kind === 'map' || lane.index === i) ? lane : null;
        paint(g, g.lane ? laneModel(g.lane) : { states: new Map(), path: [] });
      });
    }
  }

  function mark() {
    paint(main, rootModel());
    markSections();
    body.dataset.events = String(events.length);
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

  function show(view, m, name) {
    view.selected = name;
    for (const [n, g] of view.nodes) g.classList.toggle('selected', n === name);
    const level = view === main ? 'h2' : 'h3';
    const sub = view === main ? 'h3' : 'h4';
    const s = m.states.get(name);
    view.panel.replaceChildren(el(level, `State: ${name}${view.lane ? ` (${view.lane.label})` : ''}`));
    if (!s) { view.panel.append(el('p', view === main || view.lane ? 'Not entered.' : 'Pick an iteration first.', 'note')); return; }
    view.panel.append(el('p', `${s.type} · ${s.status} · entered ${s.visits.length} time${s.visits.length === 1 ? '' : 's'}`));
    s.visits.forEach((visit, i) => {
      if (s.visits.length > 1) view.panel.append(el(sub, `Visit ${i + 1}`));
      view.panel.append(el(sub, 'Input'), el('pre', pretty(visit.input), 'json'));
      if (visit.output !== undefined) view.panel.append(el(sub, 'Output'), el('pre', pretty(visit.output), 'json'));
      if (visit.variables) view.panel.append(el(sub, 'Variables assigned'), el('pre', JSON.stringify(Object.fromEntries(Object.entries(visit.variables).map(([k, v]) => { try { return [k, JSON.parse(v)]; } catch { return [k, v]; } })), null, 2), 'json'));
      if (visit.error) view.panel.append(el(sub, `Error (${visit.error.type})`), el('pre', `${visit.error.error || ''}\n${visit.error.cause || ''}`.trim(), 'json'));
    });
  }

  function selectable(view, modelOf) {
    for (const [name, g] of view.nodes) {
      g.addEventListener('click', () => show(view, modelOf(), name));
      g.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); show(view, modelOf(), name); } });
    }
  }
  selectable(main, rootModel);
  for (const view of sections) {
    for (const g of view.graphs) selectable(g, () => (g.lane ? laneModel(g.lane) : { states: new Map(), path: [] }));
    view.picker.addEventListener('change', () => { view.graphs.forEach((g) => { g.selected = null; }); markSections(); });
  }

  const first = events.length ? events[0].timestamp : 0;
  const steps = new Map();
  function row(e) {
    const d = detailsOf(e);
    const lane = laneOf.get(e.id) || root;
    if (d.name) steps.set(lane, d.name);
    const step = steps.get(lane) || '';
    const tr = el('tr');
    if (isFailure(e.type)) tr.className = 'failure';
    tr.append(el('td', String(e.id)), el('td', e.type), el('td', lane.label ? `${lane.label} › ${step}` : step), el('td', String(Math.round((e.timestamp - first) * 1000))),
      el('td', new Date(e.timestamp * 1000).toISOString()));
    const cell = el('td');
    if (Object.keys(d).length) {
      const details = el('details');
      details.append(el('summary', 'details'), el('pre', JSON.stringify(d, null, 2), 'json'));
      cell.append(details);
    }
    tr.append(cell);
    rows.append(tr);
    if (e.type.endsWith('StateExited')) steps.delete(lane);
  }

  events.forEach((e) => { assign(e); row(e); });
  mark();

  // An ended execution sends nothing more until it is redriven, so its page lets go of its stream: a browser opens at most
  // six connections to one host, each open console page's stream holds one, and a seventh page (or any fetch) would wait.
  let stream = null;
  function unfollow() {
    if (stream) stream.close();
    stream = null;
    body.dataset.live = 'ended';
  }
  function follow() {
    if (stream) return;
    stream = new EventSource(`${source}&after=${events.length ? events[events.length - 1].id : 0}`);
    stream.addEventListener('open', () => { body.dataset.live = 'open'; });
    stream.addEventListener('history', (message) => {
      const e = JSON.parse(message.data);
      if (events.length && e.id <= events[events.length - 1].id) return;
      events.push(e);
      // Engine clock to page: how long the event took to reach this page (docs/console.md, "Measured").
      window.consoleLatencyMs = (window.consoleLatencyMs || []).concat(Date.now() - e.timestamp * 1000);
      assign(e);
      row(e);
      mark();
      if (ended()) unfollow();
      if (/^(Execution|Task)/.test(e.type)) refreshSoon();
    });
    stream.addEventListener('reload', () => location.reload());
  }
  followAgain = follow;
  if (ended()) unfollow(); else follow();
})();
