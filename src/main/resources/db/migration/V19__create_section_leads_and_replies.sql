-- The organizers who lead a section: they assign its requests to others and hear of requests left unanswered.
create table section_lead (
    section_id  bigint not null references section (id),
    user_id     bigint not null references staff_user (id),
    constraint section_lead_pk primary key (section_id, user_id)
);

-- The section's reply to an applicant, per language; {name} and {section} are filled in when it is sent.
create table section_reply_template (
    section_id  bigint       not null references section (id),
    language    varchar(16)  not null,
    subject     varchar(300) not null,
    body        text         not null,
    constraint section_reply_template_pk primary key (section_id, language)
);
