// What the order page and the payment page show of a priced order — its lines, each promotional code's discount
// lines and the total after them — and the order page's promotional codes: the codes applied (each with Remove) and
// a field to apply one. A refused code's problem is shown next to the field (and above the page, as every problem).
import {api, Problem} from '../api.js';
import {html, money} from '../html.js';
import {attempt, on} from '../page.js';
import {orders} from '../storage.js';

/** The priced order's table: lines; with discounts, the subtotal and one row per discount line; the total. */
export function pricedTable(priced) {
    const discounts = priced.discounts || [];
    return html`<table id="priced-order"><thead><tr><th>Seat type</th><th class="num">Quantity</th><th class="num">Unit price</th><th class="num">Total</th></tr></thead>
        <tbody>${priced.lines.map(l => html`<tr><td>${l.description}</td><td class="num">${l.quantity}</td><td class="num">${money(l.unitPrice)}</td><td class="num">${money(l.lineTotal)}</td></tr>`)}</tbody>
        <tfoot>${discounts.length ? html`<tr><th colspan="3">Subtotal</th><td class="num" id="subtotal">${money(priced.subtotal)}</td></tr>
            ${discounts.map(d => html`<tr class="discount"><td colspan="3">Code <code>${d.code}</code> on ${seatName(priced, d.seatTypeId)}</td><td class="num">−${money(d.amount)}</td></tr>`)}` : ''}
            <tr><th colspan="3">Total</th><th class="num" id="total">${money(priced.total)}</th></tr></tfoot>
    </table>`;
}

/** The codes applied and the field to apply one (while the order is held). */
export function orderCodesSection(priced) {
    const codes = priced.promotionalCodes || [];
    return html`<h2>Promotional codes</h2>
        ${codes.length ? html`<ul id="applied-codes">${codes.map((c, i) => html`<li><code>${c.code}</code>
            <button type="button" class="secondary" id="remove-code-${i}">Remove</button></li>`)}</ul>` : ''}
        <form id="code-form">
            <label><span>Promotional code</span><input name="code" id="code" required autocomplete="off"></label>
            <button type="submit" id="apply-code">Apply</button>
            <small class="field-problem" id="code-problem" role="alert"></small>
        </form>`;
}

/**
 * Applies and removes codes; after each, the order's token is the command's, and `reload` shows the order again once
 * the read model has it (read-your-writes).
 */
export function wireOrderCodes(orderId, priced, reload) {
    const command = async (method, path, body) => {
        const problem = document.getElementById('code-problem');
        problem.textContent = '';
        try {
            const answer = await api(method, path, {body, headers: {'Order-Access-Code': orders.get(orderId).accessCode}});
            orders.put(orderId, {token: answer.headers.get('Consistency-Token')});
        } catch (e) {
            if (e instanceof Problem) problem.textContent = fieldMessage(e);
            throw e;
        }
        await reload();
    };
    const codes = `/api/registration/orders/${encodeURIComponent(orderId)}/promotional-codes`;
    on('code-form', 'submit', () => attempt(() =>
        command('POST', codes, {code: document.getElementById('code').value.trim()})));
    (priced.promotionalCodes || []).forEach((c, i) => on('remove-code-' + i, 'click', () => attempt(() =>
        command('DELETE', `${codes}/${encodeURIComponent(c.code)}`))));
}

/** The problem's word on the code: its field message if it names one, else its detail (which names the code). */
function fieldMessage(problem) {
    const errors = Array.isArray(problem.body.errors) ? problem.body.errors : [];
    return errors.length ? errors.map(e => e.message || e.detail).join('; ') : problem.message;
}

function seatName(priced, seatTypeId) {
    const line = priced.lines.find(l => l.seatTypeId === seatTypeId);
    return line ? line.description : seatTypeId;
}
