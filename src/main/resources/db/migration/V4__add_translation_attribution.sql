-- The byline in each language: "Russian section" on the English page, "Российская секция" on the Russian one.
alter table translation add column attribution varchar(300);
