-- Follow-up of a join request by its section: the organizer it is assigned to, and organizers' notes on the
-- timeline. A note may name the applicant, so it is sealed like the request's personal columns (purpose
-- join_event.note); join_event.detail stays free of personal data.
alter table join_request add column assignee_id bigint references staff_user (id);

alter table join_event add column note text;
