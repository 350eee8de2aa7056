/**
 * Order on behalf: from the client card, a member of staff who manages the client (administrator, sales head, the
 * client's account manager) opens the portal as that client, for one of its approved legal entities, and works with
 * carts and orders for it; the platform's {@code CustomerView} in mode ON_BEHALF carries it in the session, ordering
 * places the orders as channel ON_BEHALF, and every change is in the audit log with both identities.
 */
package io.b2bportal.crm.onbehalf;
