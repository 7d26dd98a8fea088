-- The language a staff member chose for the back office's interface (a BCP 47 tag of a message bundle, e.g. 'fa'),
-- independent of the language they read the public site in; null until they choose: their browser's then.
alter table staff_user add column interface_language varchar(35);
