// The "Seat types" table of a conference's owner page: each seat type's quantity (Save), "Rename" (its name and
// description, in the form below the table) and "Delete" (a confirm dialog; Conference Management refuses once the
// conference was ever published, its seat types then known to the other services: the refusal's detail is shown
// next to the table).
import {api, Problem} from '../api.js';
import {html, money, scrollable} from '../html.js';
import {attempt, fill, form, on} from '../page.js';

/** The table and the rename form (hidden until "Rename") for conference `c`. */
export function seatTypesSection(c) {
    return html`${scrollable('Seat types', html`<table id="seat-types"><thead><tr><th>Name</th><th>Description</th><th class="num">Quantity</th><th class="num">Sold</th><th class="num">Price</th><th>Actions</th></tr></thead>
        <tbody>${c.seatTypes.map(s => html`<tr id="seat-type-${s.id}">
            <td class="seat-type-name">${s.name}</td><td>${s.description}</td>
            <td class="num"><input type="number" min="${s.sold}" id="quantity-${s.id}" value="${s.quantity}" aria-label="Quantity of ${s.name}"></td>
            <td class="num">${s.sold}</td><td class="num">${money(s.price)}</td>
            <td class="actions"><button class="secondary" id="save-${s.id}" aria-label="Save the quantity of ${s.name}">Save</button>
                <button class="secondary" id="rename-${s.id}" aria-label="Rename ${s.name}">Rename</button>
                <button class="danger" id="delete-${s.id}" aria-label="Delete ${s.name}">Delete</button></td></tr>`)}</tbody></table>`)}
        <div id="seat-type-outcome"></div>
        <form id="rename-form" class="card" hidden>
            <h3 id="rename-title">Rename</h3>
            <input type="hidden" name="seatTypeId">
            <label><span>Name</span><input name="name" id="rename-name" required maxlength="70"></label>
            <label><span>Description</span><input name="description" id="rename-description" maxlength="250"></label>
            <button type="submit" id="save-rename">Save name and description</button>
            <button type="button" class="secondary" id="cancel-rename">Cancel</button>
        </form>`;
}

/**
 * Wires the table: `save(seatType, changes)` replaces the seat type with `changes` applied (the API's PUT takes the
 * whole seat type), `remove(seatType)` deletes it, `reload` shows the page again.
 */
export function wireSeatTypes(c, save, remove, reload) {
    for (const s of c.seatTypes) {
        on('save-' + s.id, 'click', () => attempt(async () => {
            await save(s, {quantity: Number(document.getElementById('quantity-' + s.id).value)});
            await reload();
        }));
        on('rename-' + s.id, 'click', () => renaming(s));
        on('delete-' + s.id, 'click', () => attempt(() => deleting(s, remove, reload)));
    }
    on('cancel-rename', 'click', () => {
        document.getElementById('rename-form').hidden = true;
        document.getElementById('rename-' + form('rename-form').seatTypeId)?.focus();
    });
    on('rename-form', 'submit', () => attempt(async () => {
        const {seatTypeId, name, description} = form('rename-form');
        await save(c.seatTypes.find(s => s.id === seatTypeId), {name: name.trim(), description: description.trim()});
        await reload();
    }));
}

/** The rename form filled with the seat type, shown, its name field focused (the keyboard goes on from there). */
function renaming(seatType) {
    const f = document.getElementById('rename-form');
    f.elements.seatTypeId.value = seatType.id;
    f.elements.name.value = seatType.name;
    f.elements.description.value = seatType.description || '';
    document.getElementById('rename-title').textContent = 'Rename ' + seatType.name;
    f.hidden = false;
    f.elements.name.focus();
}

/** Deleted once confirmed; a refusal (409: the conference was published) is shown with the service's detail. */
async function deleting(seatType, remove, reload) {
    if (!confirm(`Delete the seat type "${seatType.name}"? This cannot be undone.`)) return;
    const outcome = document.getElementById('seat-type-outcome');
    try {
        await remove(seatType);
    } catch (e) {
        if (!(e instanceof Problem) || e.status !== 409) throw e;
        fill(outcome, html`<p class="notice" id="seat-type-refused" role="alert">${seatType.name} cannot be deleted: ${e.body.detail || e.body.title}</p>`);
        return;
    }
    await reload();
}
