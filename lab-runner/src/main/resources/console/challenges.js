// The console's Challenges panel: brief, hints one at a time, the learner's page or defences, the verdict.
// Everything from the lab (briefs, evidence, hints) is set as text, never as markup.
'use strict';
(async () => {
  const panel = document.getElementById('challenges-panel');
  if (!panel) return;
  panel.innerHTML = await fetch('/challenges.html').then(r => r.text());
  const $ = id => document.getElementById(id);
  const starter = "<" + "!doctype html>\n<script>\n  // Read from {{victim}}, send home to {{attacker}}/collect\n<" + "/script>\n";
  const sources = {};
  let view = null;

  const post = (path, body) => fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body || {})
  });

  async function load() {
    view = await fetch('/api/challenges').then(r => r.json());
    $('ch-progress').textContent = view.solved + ' of ' + view.total + ' solved';
    $('ch-exploit-link').href = view.exploitServer;
    const select = $('ch-select');
    const chosen = select.value;
    select.replaceChildren(...view.challenges.map(c =>
        new Option((c.solved ? '✓ ' : '') + c.id + ' (' + c.kind + ')', c.id)));
    if (chosen) select.value = chosen;
    if (!$('ch-host').options.length) {
      $('ch-host').replaceChildren(...view.hosts.map(h => new Option(h, h)));
    }
    show();
  }

  function current() {
    return view.challenges.find(c => c.id === $('ch-select').value) || view.challenges[0];
  }

  function show() {
    const c = current();
    $('ch-banner').hidden = !c.solved;
    $('ch-kind').textContent = c.kind;
    $('ch-kind').className = 'ch-kind ' + c.kind;
    $('ch-name').textContent = c.title;
    $('ch-brief').textContent = c.brief;
    $('ch-goal').textContent = c.goal;
    $('ch-conditions').textContent = Object.entries(c.defences).map(([k, v]) => k + '=' + v).join(', ')
        + '; third-party cookies ' + c.thirdPartyCookies;
    $('ch-hints').replaceChildren(...c.hints.map(h => { const li = document.createElement('li'); li.textContent = h; return li; }));
    $('ch-hint').textContent = c.hints.length < c.hintCount
        ? 'Show hint ' + (c.hints.length + 1) + ' of ' + c.hintCount : 'All hints shown';
    $('ch-hint').disabled = c.hints.length >= c.hintCount;
    $('ch-attack').hidden = c.kind !== 'attack';
    $('ch-defend').hidden = c.kind !== 'defend';
    $('ch-source').value = sources[c.id] || starter;
  }

  function result(answer, status) {
    const box = $('ch-result');
    box.replaceChildren();
    const verdict = document.createElement('p');
    verdict.id = 'ch-verdict';
    if (!answer.verdict) {
      verdict.textContent = '(' + status + ') ' + (answer.error || answer.title || JSON.stringify(answer));
      box.append(verdict);
      return;
    }
    verdict.textContent = answer.verdict;
    if (answer.solved) verdict.className = 'solved';
    box.append(verdict);
    const list = (items, cls) => {
      const ul = document.createElement('ul');
      for (const item of items) { const li = document.createElement('li'); li.textContent = item; if (cls) li.className = cls; ul.append(li); }
      return ul;
    };
    box.append(list(answer.evidence || []));
    // The headline already names the first thing missing: list only what it does not say.
    const missing = answer.missing || [];
    const unsaid = missing.filter(m => !answer.verdict.includes(m));
    const label = unsaid.length < missing.length ? 'Also missing: ' : 'Missing: ';
    if (unsaid.length) box.append(list(unsaid.map(m => label + m), 'ch-missing'));
    if (answer.screenshot) {
      const img = document.createElement('img');
      img.alt = 'What Alice\'s browser showed';
      // A page that only runs a script draws nothing: say so rather than show an empty white box.
      img.addEventListener('load', () => {
        if (oneColour(img)) img.replaceWith(note('ch-blank', 'Alice\'s browser showed a blank page: nothing was drawn.'));
      }, { once: true });
      img.src = answer.screenshot;
      box.append(img);
    } else if (current().kind === 'attack') {
      box.append(note('ch-blank', 'No screenshot: the delivery ended before Alice\'s browser could be photographed.'));
    }
  }

  function note(cls, text) {
    const p = document.createElement('p');
    p.className = cls;
    p.textContent = text;
    return p;
  }

  /** True when every pixel of the (lossless PNG) screenshot has the same colour. */
  function oneColour(img) {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    const pixels = new Uint32Array(context.getImageData(0, 0, canvas.width, canvas.height).data.buffer);
    return pixels.every(pixel => pixel === pixels[0]);
  }

  async function judged(button, path, body) {
    button.disabled = true;
    $('ch-result').textContent = 'Alice\'s browser is at work...';
    try {
      const answer = await post(path, body);
      result(await answer.json().catch(() => ({ error: 'no answer' })), answer.status);
      await load();
    } finally {
      button.disabled = false;
    }
  }

  $('ch-select').addEventListener('change', () => { $('ch-result').replaceChildren(); show(); });
  $('ch-source').addEventListener('input', () => { sources[current().id] = $('ch-source').value; });
  $('ch-hint').addEventListener('click', async () => {
    await post('/api/challenges/' + encodeURIComponent(current().id) + '/hint');
    await load();
  });
  $('ch-deliver').addEventListener('click', () => judged($('ch-deliver'),
      '/api/challenges/' + encodeURIComponent(current().id) + '/deliver',
      { source: $('ch-source').value, host: $('ch-host').value }));
  $('ch-judge').addEventListener('click', () => {
    const defences = {};
    for (const pair of $('ch-defences').value.split(',').map(p => p.trim()).filter(Boolean)) {
      const at = pair.indexOf('=');
      defences[at < 0 ? pair : pair.substring(0, at).trim()] = at < 0 ? '' : pair.substring(at + 1).trim();
    }
    judged($('ch-judge'), '/api/challenges/' + encodeURIComponent(current().id) + '/defend', { defences });
  });
  try {
    await load();
  } catch (error) {
    $('ch-progress').textContent = 'challenges unavailable';
  }
})();
