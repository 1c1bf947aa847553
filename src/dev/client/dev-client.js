// orgpress dev client: live reload, stylesheet swaps, the error overlay and
// the dev toolbar (notes toggle, link to all notes, warnings). Served at
// /__orgpress/client.js and injected into pages by `orgpress dev` only.
// Plain browser JavaScript, no build step; every server text is set with
// textContent, never parsed as HTML.
(() => {
  'use strict';
  const me = document.currentScript;
  let build = me ? me.dataset.build : '';
  let css = me ? Number(me.dataset.css) : 0;
  const page = me ? me.dataset.page : '';
  const HIDE_KEY = 'orgpress.hideNotes';
  let dismissed = ''; // the error list the author closed; shown again when it changes

  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  };

  // Toolbar
  const bar = el('div', 'orgpress-dev-bar');
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'orgpress dev');
  const status = el('span', 'orgpress-dev-status');
  status.title = 'connecting to orgpress dev…';
  const toggle = el('button', 'orgpress-dev-toggle');
  toggle.type = 'button';
  const notesLink = el('a', 'orgpress-dev-notes', 'All notes');
  notesLink.href = '/__orgpress/todos/';
  const warnings = el('button', 'orgpress-dev-warnings');
  warnings.type = 'button';
  warnings.hidden = true;
  const errorsButton = el('button', 'orgpress-dev-errors');
  errorsButton.type = 'button';
  errorsButton.hidden = true;
  bar.append(status, toggle, notesLink, errorsButton, warnings);

  let hidden = false;
  try {
    hidden = localStorage.getItem(HIDE_KEY) === '1';
  } catch {
    // storage can be disabled; the toggle then lasts for this page only
  }
  const applyNotes = () => {
    document.body.classList.toggle('hide-todos', hidden);
    toggle.textContent = hidden ? 'Show notes' : 'Hide notes';
    toggle.setAttribute('aria-pressed', String(!hidden));
    toggle.title = hidden ? 'TODO notes are hidden: show them in place' : 'TODO notes are shown in place: hide them';
  };
  toggle.addEventListener('click', () => {
    hidden = !hidden;
    try {
      localStorage.setItem(HIDE_KEY, hidden ? '1' : '0');
    } catch {
      // see above
    }
    applyNotes();
  });
  applyNotes();

  // Error overlay
  const overlay = el('div', 'orgpress-overlay');
  overlay.setAttribute('role', 'alertdialog');
  overlay.setAttribute('aria-modal', 'false');
  overlay.setAttribute('aria-label', 'orgpress: errors');
  overlay.hidden = true;
  let lastErrors = [];

  const showOverlay = (errors) => {
    overlay.replaceChildren();
    const panel = el('div', 'orgpress-overlay-panel');
    const head = el('div', 'orgpress-overlay-head');
    const title = el('strong', '', `${errors.length} error${errors.length === 1 ? '' : 's'}`);
    const note = el('span', '', ' — the pages show the last good version; save a fix and this goes away.');
    const close = el('button', 'orgpress-overlay-close', 'Close');
    close.type = 'button';
    close.addEventListener('click', () => {
      dismissed = JSON.stringify(errors);
      overlay.hidden = true;
    });
    head.append(title, note, close);
    panel.append(head);
    for (const e of errors) {
      const item = el('section', 'orgpress-overlay-error');
      item.append(el('div', 'orgpress-overlay-where', e.where));
      const msg = el('div', 'orgpress-overlay-message');
      msg.append(el('span', 'orgpress-overlay-severity', 'error: '), document.createTextNode(e.message));
      if (e.context) msg.append(el('span', 'orgpress-overlay-context', ` (${e.context})`));
      item.append(msg);
      if (e.frame) item.append(el('pre', 'orgpress-overlay-frame', e.frame));
      if (e.hint) item.append(el('div', 'orgpress-overlay-hint', `hint: ${e.hint}`));
      panel.append(item);
    }
    overlay.append(panel);
    overlay.hidden = false;
  };

  const showProblems = (state) => {
    lastErrors = state.errors;
    const key = JSON.stringify(state.errors);
    if (state.errors.length === 0) {
      overlay.hidden = true;
      dismissed = '';
    } else if (key !== dismissed) showOverlay(state.errors);
    errorsButton.hidden = state.errors.length === 0;
    errorsButton.textContent = `${state.errors.length} error${state.errors.length === 1 ? '' : 's'}`;
    warnings.hidden = state.warnings.length === 0;
    warnings.textContent = `${state.warnings.length} warning${state.warnings.length === 1 ? '' : 's'}`;
    warnings.title = state.warnings.map((w) => `${w.where}: ${w.message}`).join('\n') + '\n(printed in the terminal too)';
    notesLink.textContent = `All notes (${state.notes})`;
  };
  errorsButton.addEventListener('click', () => showOverlay(lastErrors));
  warnings.addEventListener('click', () => console.warn('orgpress warnings:\n' + warnings.title));

  // Stylesheets are re-requested with a new query; the old link goes once the new one has loaded (no flash).
  const swapStylesheets = (version) => {
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin || url.pathname.startsWith('/__orgpress/')) continue;
      url.searchParams.set('orgpress', String(version));
      const next = link.cloneNode();
      next.href = url.href;
      next.addEventListener('load', () => link.remove(), { once: true });
      next.addEventListener('error', () => next.remove(), { once: true });
      link.after(next);
    }
  };

  const onState = (state) => {
    if (state.prev !== build && state.build !== build) {
      location.reload(); // updates were missed (or the server restarted): this page may be stale
      return;
    }
    if (state.build !== build) {
      const mine = state.changed === 'all' || state.changed.includes(page) || page === '404.html';
      if (mine) {
        location.reload();
        return;
      }
      build = state.build;
    }
    if (state.css !== css) {
      css = state.css;
      swapStylesheets(css);
    }
    showProblems(state);
  };

  const connect = () => {
    const events = new EventSource('/__orgpress/events');
    events.addEventListener('state', (e) => onState(JSON.parse(e.data)));
    events.addEventListener('open', () => {
      status.classList.add('is-live');
      status.title = 'live: pages update when you save';
    });
    events.addEventListener('error', () => {
      status.classList.remove('is-live');
      status.title = 'orgpress dev is not running: reconnecting…';
    });
  };

  document.body.append(overlay, bar);
  connect();
})();
