// The "Promotional codes" section of a conference's owner page: the list (with each code's uses), a form to create
// a code or edit one (everything but its text, which is fixed once created), disable / enable. The API judges every
// value: its problems are shown next to the fields they name (and above the page, as every problem is).
import {api, Problem, uuid} from '../api.js';
import {html, money, scrollable} from '../html.js';
import {attempt, form, on} from '../page.js';

/** The API's field names (RFC 9457 problem `errors[].field`) → the form's field whose message they are. */
const FIELDS = {
    'code': 'code', 'discount': 'kind', 'discount.kind': 'kind', 'discount.percent': 'percent',
    'discount.amount': 'amount', 'discount.amount.amount': 'amount', 'discount.amount.currency': 'amount',
    'seatTypeIds': 'seatTypeIds', 'usageLimit': 'usageLimit', 'validFrom': 'validFrom', 'validUntil': 'validUntil',
    'exclusive': 'exclusive',
};

/** The section's HTML for conference `c` and its codes. */
export function codesSection(c, codes) {
    const currency = (c.seatTypes[0] && c.seatTypes[0].price.currency) || 'EUR';
    return html`<h2>Promotional codes</h2>
        ${scrollable('Promotional codes', html`<table id="promotional-codes"><thead><tr><th>Code</th><th>Discount</th><th>Applies to</th><th>Limit</th><th>Valid</th>
            <th>Exclusive</th><th>Enabled</th><th class="num">Held</th><th class="num">Used</th><th></th></tr></thead>
        <tbody>${codes.length ? codes.map(code => html`<tr id="code-${code.id}">
            <td><code>${code.code}</code></td><td>${discountText(code.discount)}</td><td>${scopeText(code, c.seatTypes)}</td>
            <td>${limitText(code.usageLimit)}</td><td>${windowText(code)}</td><td>${code.exclusive ? 'Yes' : 'No'}</td>
            <td><span class="status">${code.enabled ? 'Enabled' : 'Disabled'}</span></td>
            <td class="num">${code.held}</td><td class="num">${code.used}</td>
            <td><button class="secondary" id="edit-code-${code.id}">Edit</button>
                ${code.enabled ? html`<button class="secondary" id="disable-code-${code.id}">Disable</button>`
                    : html`<button class="secondary" id="enable-code-${code.id}">Enable</button>`}</td></tr>`)
            : html`<tr><td colspan="10">No promotional codes yet.</td></tr>`}</tbody></table>`)}
        <form id="code-form" class="card" novalidate>
            <h3 id="code-form-title">Create a promotional code</h3>
            <input type="hidden" name="codeId">
            <label><span>Code</span><input name="code" maxlength="32" autocomplete="off"> ${problemFor('code')}
                <small class="muted">3-32 letters, digits, - or _; case does not matter; fixed once created</small></label>
            <label><span>Discount</span><select name="kind"><option value="PERCENTAGE">Percentage of each seat in scope</option>
                <option value="FIXED_AMOUNT">Fixed amount off the order</option></select> ${problemFor('kind')}</label>
            <label><span>Percent</span><input name="percent" type="number" min="1" max="100"> % ${problemFor('percent')}</label>
            <label><span>Amount</span><input name="amount" type="number" min="0.01" step="0.01">
                <input name="currency" value="${currency}" size="3" aria-label="Currency"> ${problemFor('amount')}</label>
            <fieldset><legend>Applies to (none chosen: every seat type, also those added later)</legend>
                ${c.seatTypes.map(s => html`<label class="inline"><input type="checkbox" name="seatTypeIds" value="${s.id}"> ${s.name}</label>`)}
                ${problemFor('seatTypeIds')}</fieldset>
            <label><span>Uses</span><select name="limitKind"><option value="unlimited">Unlimited</option>
                <option value="single">Single use</option><option value="limited">A number of uses</option></select>
                <input name="usageLimit" type="number" min="1" aria-label="Number of uses"> ${problemFor('usageLimit')}</label>
            <label><span>Valid from</span><input name="validFrom" type="datetime-local"> ${problemFor('validFrom')}</label>
            <label><span>Valid until</span><input name="validUntil" type="datetime-local"> ${problemFor('validUntil')}</label>
            <label><span>Exclusive</span><input name="exclusive" type="checkbox"> combines with no other code ${problemFor('exclusive')}</label>
            <button type="submit" id="save-code">Create code</button>
            <button type="button" id="cancel-code" class="secondary" hidden>Cancel</button>
        </form>`;
}

/** Wires the section's buttons and form; `reload` shows the page again after a change. */
export function wireCodes(conferenceId, codes, auth, reload) {
    const base = `/api/management/conferences/${conferenceId}/promotional-codes`;
    const formElement = document.getElementById('code-form');
    for (const code of codes) {
        on('edit-code-' + code.id, 'click', () => editing(formElement, code));
        for (const action of ['disable', 'enable']) {
            on(`${action}-code-${code.id}`, 'click', () => attempt(async () => {
                await api('POST', `${base}/${code.id}/${action}`, {headers: auth});
                await reload();
            }));
        }
    }
    on('cancel-code', 'click', () => creating(formElement));
    on('code-form', 'submit', () => attempt(async () => {
        const codeId = formElement.elements.codeId.value;
        try {
            await api(codeId ? 'PUT' : 'POST', codeId ? `${base}/${codeId}` : base, {headers: auth, body: codeBody(formElement, !codeId)});
        } catch (e) {
            showFieldProblems(formElement, e);
            throw e;
        }
        await reload();
    }));
}

function problemFor(field) {
    return html`<small class="field-problem" data-problem="${field}" role="alert"></small>`;
}

/** The form's values as the API takes them (a new code gets an id of the client's, so a retry creates it once). */
function codeBody(formElement, isNew) {
    const v = form('code-form');
    const percentage = v.kind === 'PERCENTAGE';
    const chosen = [...formElement.querySelectorAll('input[name=seatTypeIds]:checked')].map(box => box.value);
    return {
        id: isNew ? uuid() : undefined,
        code: isNew ? v.code : undefined,
        discount: percentage ? {kind: v.kind, percent: numberOrNull(v.percent)}
            : {kind: v.kind, amount: {amount: v.amount === '' ? null : v.amount, currency: v.currency}},
        seatTypeIds: chosen.length ? chosen : null,
        // "a number of uses" left empty is sent as 0, for the API to say what it needs (null would be unlimited)
        usageLimit: {unlimited: null, single: 1, limited: v.usageLimit === '' ? 0 : Number(v.usageLimit)}[v.limitKind],
        validFrom: instant(v.validFrom),
        validUntil: instant(v.validUntil),
        exclusive: v.exclusive === 'on',
    };
}

function numberOrNull(value) {
    return value === '' ? null : Number(value);
}

/** A datetime-local value (the owner's time zone) as an ISO instant; an unreadable one as typed, for the API to refuse. */
function instant(local) {
    if (!local) return null;
    const date = new Date(local);
    return isNaN(date.getTime()) ? local : date.toISOString();
}

/** An ISO instant as a datetime-local value in the owner's time zone. */
function localValue(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    const pad = n => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Fills the form with a code, to edit it: its text is shown, not editable. */
function editing(formElement, code) {
    showFieldProblems(formElement, null);
    const f = formElement.elements;
    f.codeId.value = code.id;
    f.code.value = code.code;
    f.code.readOnly = true;
    f.kind.value = code.discount.kind;
    f.percent.value = code.discount.percent ?? '';
    f.amount.value = code.discount.amount ? code.discount.amount.amount : '';
    if (code.discount.amount) f.currency.value = code.discount.amount.currency;
    for (const box of formElement.querySelectorAll('input[name=seatTypeIds]')) {
        box.checked = !code.allSeatTypes && code.seatTypeIds.includes(box.value);
    }
    f.limitKind.value = code.usageLimit == null ? 'unlimited' : code.usageLimit === 1 ? 'single' : 'limited';
    f.usageLimit.value = code.usageLimit ?? '';
    f.validFrom.value = localValue(code.validFrom);
    f.validUntil.value = localValue(code.validUntil);
    f.exclusive.checked = code.exclusive;
    document.getElementById('code-form-title').textContent = 'Edit ' + code.code;
    document.getElementById('save-code').textContent = 'Save code';
    document.getElementById('cancel-code').hidden = false;
    formElement.scrollIntoView({block: 'nearest'});
}

/** Back to an empty form for a new code. */
function creating(formElement) {
    showFieldProblems(formElement, null);
    const currency = formElement.elements.currency.value;
    formElement.reset();
    formElement.elements.currency.value = currency;
    formElement.elements.codeId.value = '';
    formElement.elements.code.readOnly = false;
    document.getElementById('code-form-title').textContent = 'Create a promotional code';
    document.getElementById('save-code').textContent = 'Create code';
    document.getElementById('cancel-code').hidden = true;
}

/** Each field's message from a problem's `errors` next to that field (as text); null clears them. */
function showFieldProblems(formElement, error) {
    for (const slot of formElement.querySelectorAll('.field-problem')) slot.textContent = '';
    const errors = error instanceof Problem && Array.isArray(error.body.errors) ? error.body.errors : [];
    for (const {field, message} of errors) {
        const slot = formElement.querySelector(`[data-problem="${FIELDS[field] || 'code'}"]`);
        if (slot) slot.textContent = [slot.textContent, message].filter(Boolean).join('; ');
    }
}

function discountText(discount) {
    return discount.kind === 'PERCENTAGE' ? discount.percent + ' % off each seat' : money(discount.amount) + ' off the order';
}

function scopeText(code, seatTypes) {
    if (code.allSeatTypes) return 'Every seat type';
    return code.seatTypeIds.map(id => (seatTypes.find(s => s.id === id) || {name: id}).name).join(', ');
}

function limitText(limit) {
    return limit == null ? 'Unlimited' : limit === 1 ? 'Single use' : limit + ' uses';
}

function windowText(code) {
    const at = iso => new Date(iso).toLocaleString();
    if (!code.validFrom && !code.validUntil) return 'Always';
    if (!code.validUntil) return 'From ' + at(code.validFrom);
    if (!code.validFrom) return 'Until ' + at(code.validUntil);
    return at(code.validFrom) + ' – ' + at(code.validUntil);
}
