// The page being shown: its HTML, its forms and buttons, its problems, and what to stop when it is left.
import {html, isHtml} from './html.js';
import {Problem, Superseded} from './api.js';

const app = document.getElementById('app');
const problemBox = document.getElementById('problem');
let cleanups = [];

/** Shows the page's HTML (built with html``). */
export function render(content) {
    fill(app, content);
}

/** Puts HTML built with html`` into an element; a string is refused, so no text is ever taken for HTML. */
export function fill(element, content) {
    if (!isHtml(content)) throw new TypeError('HTML must be built with html``');
    element.innerHTML = content.toString();
}

// What each element redrawn last showed (redraw): the same HTML again changes nothing.
const shown = new WeakMap();

/**
 * Shows HTML again in a part of the page that is looked at again while in use (a timer): unchanged, the part is left
 * as it is; changed, the element that had the keyboard focus in it (found by its id) has it again afterwards, instead
 * of the focus falling back to the start of the document — and with it a screen reader's place. Returns whether the
 * part changed (its new buttons then need wiring).
 */
export function redraw(element, content) {
    if (!element || shown.get(element) === content.toString()) return false;
    const focused = element.contains(document.activeElement) ? document.activeElement.id : '';
    fill(element, content);
    shown.set(element, content.toString());
    if (focused) document.getElementById(focused)?.focus({preventScroll: true});
    return true;
}

/** A form's fields as {name: value}. */
export function form(id) {
    return Object.fromEntries(new FormData(document.getElementById(id)).entries());
}

/** Handles an event of an element of the page, if the page has it (a form's submit does not leave the page). */
export function on(id, event, handler) {
    const element = document.getElementById(id);
    if (element) element.addEventListener(event, e => {
        if (event === 'submit') e.preventDefault();
        handler(e);
    });
}

/** Goes to a route; to the same one again, it is shown anew. */
export function go(hash) {
    if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
    else location.hash = hash;
}

/** Something to stop when the page is left (a timer). */
export function onLeave(cleanup) {
    cleanups.push(cleanup);
}

/** The page is left: stops what it started. */
export function leave() {
    cleanups.forEach(f => f());
    cleanups = [];
}

/** Shows a problem above the page (its title, detail and field errors), or hides it (null). */
export function showProblem(error) {
    if (!error) {
        problemBox.hidden = true;
        problemBox.innerHTML = '';
        return;
    }
    const body = error instanceof Problem ? error.body : {detail: String(error)};
    const title = body.title || 'Something went wrong';
    const detail = body.detail && body.detail !== title ? body.detail : '';
    const fields = Array.isArray(body.errors) ? body.errors : [];
    fill(problemBox, html`<strong>${title}</strong>${detail ? html`: ${detail}` : ''}${fields.length
        ? html`<ul>${fields.map(f => html`<li><code>${f.field || f.name || ''}</code> ${f.message || f.detail || ''}</li>`)}</ul>`
        : ''}`);
    problemBox.hidden = false;
    problemBox.scrollIntoView({block: 'nearest'});
}

/** Runs an action of a page: shows its problem instead of failing silently. */
export async function attempt(action) {
    showProblem(null);
    try {
        return await action();
    } catch (e) {
        if (!(e instanceof Superseded)) showProblem(e);
        return undefined;
    }
}

/** A page could not be shown: its problem, and no page left waiting forever. */
export function failed(error) {
    if (app.textContent.trim() === 'Loading…' || app.querySelector('.waiting')) render(html`<h1>Sorry</h1>`);
    showProblem(error);
}

/**
 * Counts down to `end` (an instant) in the element with this id, every second, until the page is left or shows the
 * element no more: "m:ss" (or "h:mm:ss"), then `over` is added at zero.
 */
export function countdown(id, end, over) {
    const element = document.getElementById(id);
    if (!element || !end) return;
    const at = new Date(end).getTime();
    const tick = () => {
        const left = Math.max(0, Math.floor((at - Date.now()) / 1000));
        const [h, m, s] = [Math.floor(left / 3600), Math.floor(left / 60) % 60, left % 60];
        element.textContent = (h ? `${h}:${String(m).padStart(2, '0')}` : `${m}`) + `:${String(s).padStart(2, '0')}`;
        if (left === 0) element.textContent += ' — ' + over;
        if (!element.isConnected) clearInterval(timer);
    };
    const timer = setInterval(tick, 1000);
    tick();
    onLeave(() => clearInterval(timer));
}
