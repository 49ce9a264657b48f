// #/orders/{id}/seats — who sits in each seat of a confirmed order.
import {api} from '../api.js';
import {html} from '../html.js';
import {readOrder, unknownOrder} from '../orders.js';
import {attempt, on, render} from '../page.js';
import {orders} from '../storage.js';

export async function seatsPage(orderId) {
    const known = orders.get(orderId);
    if (!known.accessCode) return unknownOrder();
    const {body: seats} = await readOrder('order-seats', orderId, known.seatsToken, 30);
    render(html`<h1>Attendees</h1>
        <p>Name who sits in each seat of your order. <a href="#/orders/${orderId}" id="order-link">Your order</a>: its payments, or cancel it.</p>
        <table id="seats"><thead><tr><th>#</th><th>Seat type</th><th>First name</th><th>Last name</th><th>Email</th><th></th></tr></thead>
        <tbody>${seats.seats.map(s => html`
            <tr>
                <td>${s.position + 1}</td><td>${s.seatTypeName || ''}</td>
                <td><input id="first-${s.position}" value="${s.attendee ? s.attendee.firstName : ''}" aria-label="First name of seat ${s.position + 1}"></td>
                <td><input id="last-${s.position}" value="${s.attendee ? s.attendee.lastName : ''}" aria-label="Last name of seat ${s.position + 1}"></td>
                <td><input id="email-${s.position}" type="email" value="${s.attendee ? s.attendee.email : ''}" aria-label="Email of seat ${s.position + 1}"></td>
                <td><button id="save-${s.position}" data-position="${s.position}">Save</button></td>
            </tr>`)}
        </tbody></table>
        <p id="seats-saved"></p>`);
    for (const s of seats.seats) {
        on('save-' + s.position, 'click', () => attempt(async () => {
            const p = s.position;
            const body = {firstName: document.getElementById('first-' + p).value, lastName: document.getElementById('last-' + p).value,
                email: document.getElementById('email-' + p).value};
            const answer = await api('PUT', `/api/registration/orders/${orderId}/seat-assignments/${p}`,
                {body, headers: {'Order-Access-Code': known.accessCode}});
            orders.put(orderId, {seatsToken: answer.headers.get('Consistency-Token')});
            await seatsPage(orderId);
            document.getElementById('seats-saved').textContent = `Seat ${p + 1} assigned to ${body.firstName} ${body.lastName}.`;
        }));
    }
}
