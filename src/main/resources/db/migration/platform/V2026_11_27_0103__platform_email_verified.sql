-- Self-registered and invited accounts prove their e-mail before they can sign in.
alter table platform.user_account add column email_verified boolean not null default true;
