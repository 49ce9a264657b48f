// HTML of the pages: every value that goes into it is escaped, unless it is HTML this script built itself.
//
// html`<p>${value}</p>` escapes each interpolated value (null and undefined are empty; an array is each of its
// items); what html`` returns is HTML already, so it can be interpolated into another html`` as it is. Nothing else
// is taken as HTML: a string from an answer, a URL or a form is always text.

/** HTML built by html`` (only this module makes it). */
class Html {
    constructor(text) {
        this.text = text;
    }

    toString() {
        return this.text;
    }
}

export function html(strings, ...values) {
    let text = strings[0];
    values.forEach((value, i) => {
        text += part(value) + strings[i + 1];
    });
    return new Html(text);
}

/** True for what html`` built: the only thing a page puts into its HTML. */
export function isHtml(value) {
    return value instanceof Html;
}

function part(value) {
    if (value instanceof Html) return value.text;
    if (Array.isArray(value)) return value.map(part).join('');
    return esc(value);
}

/** Text as HTML: & < > " ' escaped. */
export function esc(value) {
    return String(value ?? '').replace(/[&<>"']/g, c => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
}

/** A price {amount, currency} as text, e.g. "€199.00" (an unknown currency: "199.00 XYZ"). */
export function money(price) {
    if (!price) return '';
    const amount = Number(price.amount);
    try {
        return new Intl.NumberFormat('en', {style: 'currency', currency: price.currency}).format(amount);
    } catch (e) {
        return amount.toFixed(2) + ' ' + price.currency;
    }
}

/**
 * A wide table in a container of its own that scrolls sideways on a narrow screen, so that the page does not. The
 * container is a named region the keyboard can reach (tabindex 0): it is how someone without a mouse scrolls it, and
 * a screen reader says which table it holds. `id`: the container's, for a table redrawn into it later.
 */
export function scrollable(label, table, id = '') {
    return html`<div class="table-scroll" role="region" aria-label="${label}" tabindex="0"${id ? html` id="${id}"` : ''}>${table}</div>`;
}
