package io.b2bportal.crm.demo;

import io.b2bportal.platform.DemoData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo's orders placed on a client's behalf (ordering seeds them through the checkout, channel ON_BEHALF) get the
 * audit trail acting on behalf leaves: started, order placed, stopped, each with both identities, at the order's time,
 * so that the client's "done on its behalf" list is not empty in the demo. No order is placed here.
 */
@Component
class OnBehalfDemoData implements DemoData {

    private final JdbcClient jdbc;

    OnBehalfDemoData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 940;
    }

    @Override
    public void seed(DemoSeeding seeding) {
        jdbc.sql("""
                        insert into platform.audit_log (at, actor_id, action, company_id, legal_entity_id, subject, ip)
                        select o.created_at + s.shift, o.placed_by, s.action, o.company_id, o.legal_entity_id,
                               case s.action
                                    when 'ordering.order.on-behalf' then 'Order ' || o.number || ' placed (ON_BEHALF)'
                                    when 'crm.on-behalf.start' then 'Started acting on behalf of ' || c.name || ' / '
                                                                    || e.name
                                    else 'Stopped acting on behalf of ' || c.name || ', ' || e.name end,
                               '127.0.0.1'
                          from ordering.orders o
                          join customers.company c on c.id = o.company_id
                          join customers.legal_entity e on e.id = o.legal_entity_id
                          cross join (values ('crm.on-behalf.start', interval '-6 minutes'),
                                             ('ordering.order.on-behalf', interval '0 minutes'),
                                             ('crm.on-behalf.stop', interval '2 minutes')) s(action, shift)
                         where o.channel = 'ON_BEHALF'
                           and not exists (select 1 from platform.audit_log a
                                            where a.action = 'ordering.order.on-behalf'
                                              and a.subject like 'Order ' || o.number || '%')
                         order by o.created_at, s.shift""").update();
    }
}
