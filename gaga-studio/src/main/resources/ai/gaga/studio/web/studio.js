// GAGA Studio page: plain JS, no libraries. Talks to the studio's REST API with the token from the address.
'use strict';
(function () {
  const EMOTIONS = {
    neutral: '#9aa3ad', joy: '#f5c542', tenderness: '#e58fb5', surprise: '#f08c3a',
    sadness: '#4a90d9', fear: '#8e6cc7', anger: '#e0524a', disgust: '#6aa84f'
  };
  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
      else if (v !== false && v != null) e.setAttribute(k, v === true ? '' : v);
    }
    for (const k of kids) if (k != null) e.append(k);
    return e;
  };

  // ---- token: from ?token=..., kept in sessionStorage, removed from the address bar
  const params = new URLSearchParams(location.search);
  let token = params.get('token');
  if (token) {
    sessionStorage.setItem('gagaStudioToken', token);
    history.replaceState(null, '', location.pathname);
  } else {
    token = sessionStorage.getItem('gagaStudioToken');
  }
  const notice = (msg) => { const n = $('notice'); n.textContent = msg; n.hidden = !msg; };
  if (!token) notice('No token: open the full address that `gaga studio` printed (it ends with ?token=…).');

  async function api(method, path, body, signal) {
    const headers = { 'Authorization': 'Bearer ' + token };
    let payload = body;
    if (body && !(body instanceof FormData)) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
    const r = await fetch(path, { method, headers, body: payload, signal });
    let data = null;
    try { data = await r.json(); } catch (e) { data = null; }
    if (r.status === 401) notice('The studio refused the token: open the address printed by `gaga studio` again.');
    if (!r.ok) { const err = new Error((data && data.error) || ('HTTP ' + r.status)); err.status = r.status; err.data = data; throw err; }
    return data;
  }

  // ---- photos
  const photos = []; // {id, name, url, info, names: [..per face..], edited: [..]}
  const photoList = $('photos');
  const input = $('photo-input');
  const drop = $('drop');
  input.addEventListener('change', () => { addFiles(input.files); input.value = ''; });
  ['dragenter', 'dragover'].forEach(t => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.add('over'); }));
  ['dragleave', 'drop'].forEach(t => drop.addEventListener(t, (e) => { e.preventDefault(); drop.classList.remove('over'); }));
  drop.addEventListener('drop', (e) => addFiles(e.dataTransfer.files));

  function addFiles(files) { for (const f of files) upload(f); }

  async function upload(file) {
    const busy = el('div', { class: 'busy', text: 'Finding faces in ' + file.name + '…' });
    photoList.append(busy);
    if (file.size > 25 * 1024 * 1024) { busy.remove(); notice(file.name + ' is larger than 25 MB.'); return; }
    const fd = new FormData();
    fd.append('photo', file, file.name);
    try {
      const info = await api('POST', '/api/photos', fd);
      const n = Math.max(1, info.faces.length);
      const p = { id: info.id, name: file.name, url: URL.createObjectURL(file), info,
        names: Array.from({ length: n }, (_, i) => i === 0 ? defaultName() : ''), edited: Array(n).fill(false) };
      photos.push(p);
      notice('');
      busy.replaceWith(photoCard(p));
      autoNames();
      scheduleAnalysis(0);
    } catch (e) {
      busy.remove();
      notice('Photo not added: ' + e.message);
    }
  }

  function defaultName() {
    const used = photos.reduce((a, p) => a + p.names.filter(Boolean).length, 0);
    return used === 0 ? 'ME' : 'ACTOR ' + (used + 1);
  }

  function photoCard(p) {
    const frame = el('div', { class: 'frame' });
    const img = el('img', { src: p.url, alt: 'Photo ' + p.name });
    frame.append(img);
    const place = () => {
      // boxes in percent of the photo as shown (object-fit: contain keeps the aspect when max-height applies)
      frame.querySelectorAll('.facebox').forEach(b => b.remove());
      const W = p.info.width, H = p.info.height;
      const shownH = img.clientHeight, shownW = img.clientWidth;
      const scale = Math.min(shownW / W, shownH / H);
      const offX = (shownW - W * scale) / 2, offY = (shownH - H * scale) / 2;
      for (const f of p.info.faces) {
        const b = el('div', { class: 'facebox' + (f.warnings.length ? ' warn' : ''), title: f.warnings.join('\n') || 'Face ' + (f.index + 1) },
          el('span', { text: String(f.index + 1) }));
        b.style.left = (offX + f.box.x * scale) + 'px';
        b.style.top = (offY + f.box.y * scale) + 'px';
        b.style.width = (f.box.width * scale) + 'px';
        b.style.height = (f.box.height * scale) + 'px';
        frame.append(b);
      }
    };
    img.addEventListener('load', place);
    window.addEventListener('resize', place);
    const warnings = el('ul', { class: 'warnings' });
    for (const w of p.info.warnings) warnings.append(el('li', { text: w }));
    for (const f of p.info.faces) for (const w of f.warnings) warnings.append(el('li', { text: 'Face ' + (f.index + 1) + ': ' + w }));
    const meta = el('div', { class: 'meta' },
      el('button', { class: 'ghost small remove', type: 'button', 'aria-label': 'Remove photo ' + p.name, text: 'Remove',
        onclick: () => { photos.splice(photos.indexOf(p), 1); card.remove(); scheduleAnalysis(0); } }),
      el('div', { class: 'file', text: p.name + ' · ' + p.info.width + '×' + p.info.height + ' · ' +
        (p.info.faces.length === 1 ? '1 face' : p.info.faces.length + ' faces') }));
    p.inputs = [];
    p.names.forEach((name, i) => {
      const label = p.info.faces.length > 1 ? 'Face ' + (i + 1) : 'Actor';
      const inp = el('input', { type: 'text', value: name, placeholder: i === 0 ? 'NAME' : '(not in this film)',
        'aria-label': 'Actor name for ' + (p.info.faces.length > 1 ? 'face ' + (i + 1) + ' of ' : '') + p.name });
      inp.addEventListener('input', () => { p.names[i] = inp.value.trim(); p.edited[i] = true; scheduleAnalysis(); });
      p.inputs.push(inp);
      meta.append(el('label', { class: 'actor' }, el('span', { class: 'muted', text: label }), inp));
    });
    meta.append(warnings);
    const card = el('article', { class: 'photo', 'aria-label': 'Photo ' + p.name }, frame, meta);
    return card;
  }

  // Names of characters in the script (a line in capitals followed by dialogue), in order of appearance.
  function characters() {
    const lines = script.value.split('\n');
    const names = [];
    for (let i = 0; i + 1 < lines.length; i++) {
      const m = lines[i].trim().match(/^([A-Z][A-Z0-9 .'_-]{0,40}?)\s*(\^)?$/);
      if (m && lines[i + 1].trim() && !/^(INT|EXT)[. ]/.test(m[1]) && !names.includes(m[1].trim())) names.push(m[1].trim());
    }
    return names;
  }

  // Unedited name fields follow the script's characters, in order.
  function autoNames() {
    const names = characters();
    if (!names.length) return;
    let k = 0;
    for (const p of photos) p.names.forEach((_, i) => {
      if (!p.edited[i] && (i === 0 || k < names.length) && k < names.length) { p.names[i] = names[k]; p.inputs[i].value = names[k]; }
      if (p.names[i]) k++;
    });
  }

  function actors() {
    const a = {};
    for (const p of photos) p.names.forEach((n, i) => {
      if (!n) return;
      a[n] = p.info.faces.length > 1 ? { photo: p.id, face: i } : p.id;
    });
    return a;
  }

  function options() {
    return {
      resolution: $('opt-resolution').value, fps: Number($('opt-fps').value), seed: Number($('opt-seed').value || 42),
      music: $('opt-music').value.trim(), allowNoFace: $('opt-noface').checked
    };
  }

  // ---- script editor: tinted backdrop, live analysis
  const script = $('script');
  const backdrop = $('backdrop');
  let lastPlan = null, lastError = null, timer = null, inflight = null;
  script.addEventListener('input', () => { drawBackdrop(); autoNames(); scheduleAnalysis(); });
  script.addEventListener('scroll', () => { backdrop.scrollTop = script.scrollTop; });
  ['opt-resolution', 'opt-fps', 'opt-seed', 'opt-music', 'opt-noface'].forEach(id => $(id).addEventListener('change', () => scheduleAnalysis()));

  function scheduleAnalysis(delay) {
    clearTimeout(timer);
    timer = setTimeout(analyse, delay == null ? 700 : delay);
  }

  async function analyse() {
    if (!script.value.trim()) { lastPlan = null; lastError = null; drawAll(); return; }
    if (!photos.length) { $('analysis').replaceChildren(el('p', { class: 'muted', text: 'Add a photo to analyse the script.' })); return; }
    if (inflight) inflight.abort();
    inflight = new AbortController();
    const mine = inflight;
    $('analysis').setAttribute('aria-busy', 'true');
    try {
      lastPlan = await api('POST', '/api/plan', { script: script.value, actors: actors(), options: options() }, mine.signal);
      lastError = null;
    } catch (e) {
      if (e.name === 'AbortError') return;
      lastError = { message: e.message, line: e.data && e.data.line, column: e.data && e.data.column };
      lastPlan = null;
    } finally {
      if (inflight === mine) { inflight = null; $('analysis').removeAttribute('aria-busy'); }
    }
    drawAll();
  }

  function drawAll() { drawBackdrop(); drawAnalysis(); drawTimeline(); }

  function tint(emotion, intensity) {
    const c = EMOTIONS[emotion] || EMOTIONS.neutral;
    const a = emotion === 'neutral' ? 0.16 : 0.18 + 0.5 * Math.min(1, intensity || 0);
    const r = parseInt(c.slice(1, 3), 16), g = parseInt(c.slice(3, 5), 16), b = parseInt(c.slice(5, 7), 16);
    return 'rgba(' + r + ',' + g + ',' + b + ',' + a.toFixed(2) + ')';
  }

  function drawBackdrop() {
    const src = script.value.split('\n');
    const byLine = new Map();
    if (lastPlan) {
      for (const l of lastPlan.lines) {
        if (!l.sourceLine) continue;
        // tint the dialogue of the block: from the reported line down to the next blank line
        for (let i = l.sourceLine - 1; i < src.length && src[i].trim(); i++) byLine.set(i, l);
      }
    }
    const kids = src.map((text, i) => {
      const d = el('div', { class: 'ln', 'data-line': String(i + 1) });
      d.textContent = text + '\u200b';
      const l = byLine.get(i);
      if (l) {
        d.classList.add('tinted');
        d.dataset.emotion = l.emotion;
        d.style.background = tint(l.emotion, l.intensity);
        d.style.setProperty('--tint-edge', EMOTIONS[l.emotion] || EMOTIONS.neutral);
      }
      if (lastError && lastError.line === i + 1) d.classList.add('err');
      return d;
    });
    backdrop.replaceChildren(...kids);
    backdrop.scrollTop = script.scrollTop;
  }

  function fmt(s) { return (Math.round(s * 10) / 10).toFixed(1) + 's'; }

  function drawAnalysis() {
    const box = $('analysis');
    const errors = $('errors');
    errors.textContent = lastError ? (lastError.line ? '' : '') + lastError.message : '';
    if (!lastPlan) { box.replaceChildren(); return; }
    const entries = new Map(lastPlan.timeline.entries.map(e => [e.line, e]));
    box.replaceChildren(...lastPlan.lines.map(l => {
      const e = entries.get(l.index);
      const emo = el('span', { class: 'chip emo', text: l.emotion + (l.emotion !== 'neutral' ? ' ' + Math.round(l.intensity * 100) + '%' : '') });
      emo.style.background = tint(l.emotion, Math.max(0.5, l.intensity));
      return el('div', { class: 'aline', 'data-emotion': l.emotion },
        el('span', { class: 'when', text: e ? fmt(e.start) : '' }),
        el('span', { class: 'text' }, el('span', { class: 'who', text: l.actor }), l.text),
        el('span', { class: 'chips' }, emo, el('span', { class: 'chip', text: l.language }),
          el('span', { class: 'chip', text: l.delivery })));
    }));
  }

  function drawTimeline() {
    const box = $('timeline');
    if (!lastPlan) { box.replaceChildren(el('p', { class: 'muted', text: 'The plan appears here once the script is analysed.' })); return; }
    const t = lastPlan.timeline, D = Math.max(0.1, t.durationSeconds);
    const pct = (s) => (100 * s / D) + '%';
    const place = (node, a, b) => { node.style.left = pct(a); node.style.width = 'calc(' + pct(Math.max(0.05, b - a)) + ' - 2px)'; return node; };
    const ruler = el('div', { class: 'tl-ruler' });
    const step = D > 30 ? 5 : D > 12 ? 2 : 1;
    for (let s = 0; s <= D; s += step) { const k = el('div', { class: 'tl-tick' }, el('span', { text: s + 's' })); k.style.left = pct(s); ruler.append(k); }
    const lines = el('div', { class: 'tl-row' }, el('span', { class: 'tl-label', text: 'Lines' }));
    const linesByIndex = new Map(lastPlan.lines.map(l => [l.index, l]));
    for (const e of t.entries) {
      const l = linesByIndex.get(e.line) || {};
      const item = place(el('div', { class: 'tl-item', title: e.actor + ': ' + e.text + ' (' + (l.emotion || '') + ')', text: e.actor + ': ' + e.text }), e.start, e.end);
      item.style.background = tint(l.emotion || 'neutral', Math.max(0.4, l.intensity || 0));
      lines.append(item);
    }
    // pauses: gaps between consecutive lines
    const sorted = [...t.entries].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      const gap = sorted[i].start - sorted[i - 1].end;
      if (gap > 0.35) lines.append(place(el('div', { class: 'tl-item pause', text: fmt(gap), title: 'Pause ' + fmt(gap) }), sorted[i - 1].end, sorted[i].start));
    }
    const cues = el('div', { class: 'tl-row' }, el('span', { class: 'tl-label', text: 'Cues' }));
    for (const c of t.cues) {
      if (c.type === 'pause') continue;
      const label = c.type + (c.description ? ': ' + c.description : c.text ? ': ' + c.text : c.camera ? ': ' + c.camera : '');
      const k = el('div', { class: 'tl-cue', text: label, title: label });
      k.style.left = pct(c.start);
      cues.append(k);
    }
    const shots = el('div', { class: 'tl-row' }, el('span', { class: 'tl-label', text: 'Shots' }));
    for (const s of t.shots) {
      const label = s.size + ' · ' + s.layout + (s.move && s.move !== 'static' ? ' · ' + s.move : '') + (s.subjects.length ? ' · ' + s.subjects.join(', ') : '');
      shots.append(place(el('div', { class: 'tl-item shot', text: label, title: label + ' · grade ' + s.grade.look }), s.start, s.end));
    }
    box.replaceChildren(el('div', { class: 'tl' }, ruler, lines, cues, shots,
      el('p', { class: 'help', text: fmt(D) + ' · ' + t.frameCount + ' frames at ' + lastPlan.scene.fps + ' fps · ' + lastPlan.scene.resolution })));
  }

  const legend = $('legend');
  for (const [name, c] of Object.entries(EMOTIONS)) { const i = el('i'); i.style.background = c; legend.append(el('span', {}, i, name)); }

  // ---- renders
  let current = null; // {id, controller}
  $('preview').addEventListener('click', () => startRender(true));
  $('render').addEventListener('click', () => startRender(false));
  $('cancel').addEventListener('click', async () => {
    if (!current) return;
    try { await api('DELETE', '/api/renders/' + current.id); } catch (e) { notice(e.message); }
  });

  async function startRender(preview) {
    if (!photos.length) { notice('Add a photo first.'); return; }
    if (!script.value.trim()) { notice('Write at least one line first.'); return; }
    notice('');
    setBusy(true, preview ? 'Preview queued' : 'Render queued');
    try {
      const r = await api('POST', '/api/renders', { script: script.value, actors: actors(), options: options(), preview });
      current = { id: r.id };
      follow(r.id);
      refreshRenders();
    } catch (e) {
      setBusy(false, 'Ready');
      if (e.data && e.data.line) { lastError = { message: e.message, line: e.data.line }; drawAll(); }
      notice((preview ? 'Preview' : 'Render') + ' refused: ' + e.message);
    }
  }

  function setBusy(busy, text) {
    $('cancel').disabled = !busy;
    $('progress-text').textContent = text;
    if (busy) $('progress').value = 0;
  }

  // Server-sent events read with fetch, so that the request carries the Authorization header.
  async function follow(id) {
    const controller = new AbortController();
    if (current && current.id === id) current.controller = controller;
    try {
      const r = await fetch('/api/renders/' + id + '/events', { headers: { 'Authorization': 'Bearer ' + token, 'Accept': 'text/event-stream' }, signal: controller.signal });
      const reader = r.body.getReader();
      const dec = new TextDecoder();
      let buf = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += dec.decode(value, { stream: true });
        let cut;
        while ((cut = buf.indexOf('\n\n')) >= 0) {
          const chunk = buf.slice(0, cut); buf = buf.slice(cut + 2);
          const data = chunk.split('\n').filter(x => x.startsWith('data:')).map(x => x.slice(5).trim()).join('\n');
          if (data) onState(JSON.parse(data));
        }
      }
    } catch (e) {
      if (e.name !== 'AbortError') poll(id);
    }
  }

  async function poll(id) { // fallback when the event stream breaks
    for (;;) {
      let s;
      try { s = await api('GET', '/api/renders/' + id); } catch (e) { return; }
      onState(s);
      if (['done', 'failed', 'cancelled'].includes(s.state)) return;
      await new Promise(r => setTimeout(r, 700));
    }
  }

  function onState(s) {
    if (!current || current.id !== s.id) return;
    $('progress').value = s.progress;
    const label = { queued: 'Waiting in queue', running: 'Rendering' }[s.state];
    if (label) $('progress-text').textContent = label + ' · ' + s.stage + ' · ' + Math.round(s.progress * 100) + '%';
    if (s.state === 'done') { setBusy(false, 'Done · ' + s.durationSeconds.toFixed(1) + ' s clip'); show(s); current = null; refreshRenders(); }
    if (s.state === 'failed') { setBusy(false, 'Failed'); notice('Render failed: ' + s.error); current = null; refreshRenders(); }
    if (s.state === 'cancelled') { setBusy(false, 'Cancelled'); current = null; refreshRenders(); }
  }

  function show(s) {
    const v = $('player');
    v.replaceChildren(el('track', { kind: 'subtitles', srclang: 'en', label: 'Subtitles', src: s.files.vtt, default: true }));
    v.src = s.files.video;
    v.load();
    $('screen-empty').parentElement.classList.add('has-video');
    const short = s.id.slice(7, 15);
    const set = (id, href, name) => { const a = $(id); a.href = href; a.setAttribute('download', name); };
    set('dl-mp4', s.files.video, 'gaga-' + short + '.mp4');
    set('dl-srt', s.files.srt, 'gaga-' + short + '.srt');
    set('dl-vtt', s.files.vtt, 'gaga-' + short + '.vtt');
    set('dl-plan', s.files.plan, 'gaga-' + short + '.plan.json');
    $('downloads').hidden = false;
  }

  async function refreshRenders() {
    let list;
    try { list = (await api('GET', '/api/renders')).renders; } catch (e) { return; }
    const ul = $('renders');
    if (!list.length) { ul.replaceChildren(el('li', { class: 'muted', text: 'None yet' })); return; }
    ul.replaceChildren(...list.slice().reverse().map(r => el('li', {},
      el('span', { class: 'state ' + r.state, text: r.state }),
      el('span', { class: 'grow', text: (r.preview ? 'Preview ' : 'Render ') + r.resolution + ' · ' + new Date(r.created).toLocaleTimeString() }),
      r.state === 'done' ? el('button', { type: 'button', class: 'ghost small', text: 'Show', 'aria-label': 'Show render of ' + new Date(r.created).toLocaleTimeString(), onclick: () => show(r) }) : null)));
  }

  async function info() {
    try {
      const i = await api('GET', '/api/info');
      $('server').replaceChildren(el('span', { class: 'dot' }), 'Connected · ' + i.engine);
      $('loudness').textContent = 'Loudness ' + i.loudness + ' LUFS, encoder preset "' + i.preset + '" (set when starting the studio: gaga studio --loudness, --preset).';
    } catch (e) { $('server').textContent = 'Not connected'; }
  }

  drawBackdrop();
  if (token) { info(); refreshRenders(); }
})();
