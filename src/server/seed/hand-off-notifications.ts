import { sql } from "drizzle-orm";
import type { Tx } from "../db";

// The to-dos the demo's open hand-offs of finance-led evaluations left: the 2021 key evaluation's
// reviewers were assigned, and the demo agency was engaged (unread while it has not declared yet).
// Written like notify() writes them, once each (the dedupe key), so seeding twice adds nothing.
export async function seedHandOffNotifications(tx: Tx) {
  await tx.execute(sql`
    insert into notifications (id, recipient_id, kind, title_key, params, link, entity_type, entity_id, dedupe_key, read_at, created_at)
    select md5('seed:notify:key:' || e.id || a.user_id)::uuid, a.user_id, 'ASSIGNED', 'keyAssigned',
      jsonb_build_object('subject', p.name), '/key-evaluations/' || e.id, 'evaluation', e.id,
      'seed:keyAssigned:' || e.id, null, e.created_at
    from evaluations e
    join evaluation_assignees a on a.evaluation_id = e.id
    join projects p on p.id = e.project_id
    where e.type = 'KEY' and e.status = 'SCORING'
    on conflict do nothing`);
  await tx.execute(sql`
    insert into notifications (id, recipient_id, kind, title_key, params, link, entity_type, entity_id, dedupe_key, read_at, created_at)
    select md5('seed:notify:engagement:' || e.id || u.id)::uuid, u.id, 'ASSIGNED', 'engagementAssigned',
      jsonb_build_object('subject', coalesce(p.name, o.name)), '/third-party/' || e.id, 'evaluation', e.id,
      'seed:engagementAssigned:' || e.id,
      g.declared_at, e.created_at
    from engagements g
    join evaluations e on e.id = g.evaluation_id
    left join projects p on p.id = e.project_id
    left join organisations o on o.id = e.subject_org_id
    join users u on u.org_id = g.agency_id and u.role = 'AGENCY' and u.active
    where e.status not in ('SETTLED')
    on conflict do nothing`);
}
